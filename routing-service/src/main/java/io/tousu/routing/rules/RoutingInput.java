package io.tousu.routing.rules;

import io.tousu.routing.complaint.ReceivedComplaint;

/** The facts of a complaint that rules look at, with the category it was given or classified into. */
public record RoutingInput(String category, String channel, String type, String area, String text, boolean vip,
                           String referralSource) {

    public static RoutingInput of(ReceivedComplaint c, String category) {
        return new RoutingInput(category, c.channel(), c.type(), c.area(), c.text(), c.vip(), c.referralSource());
    }
}
