package io.tousu.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One trace per complaint, across services and batches. A span's context travels as its W3C
 * {@code traceparent}: captured where a complaint's work is handed to another thread, stored
 * with each outbox row, sent as the Kafka record's {@code traceparent} header by the relay, and
 * read back by the batch consumers, which run each record's work in a span of its own under that
 * context, so that a complaint's trace stays whole although a thousand share one transaction.
 */
@ApplicationScoped
public class Traces {
    /** The W3C Trace Context header, on HTTP requests and Kafka records alike. */
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    public Traces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current span's traceparent, or null where no span is being recorded. */
    public static String current() {
        return traceparent(Span.current().getSpanContext());
    }

    static String traceparent(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /**
     * Runs {@code work} in a new span named {@code name}, the child of {@code parent} (a
     * traceparent; a new trace when it is null or unreadable), current while it runs.
     */
    public <T> T call(String name, SpanKind kind, String parent, Map<String, String> attributes, Supplier<T> work) {
        Context context = parent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), parent, TRACEPARENT);
        Span span = tracer.spanBuilder(name).setSpanKind(kind).setParent(context).startSpan();
        attributes.forEach(span::setAttribute);
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }

    public void run(String name, SpanKind kind, String parent, Map<String, String> attributes, Runnable work) {
        call(name, kind, parent, attributes, () -> {
            work.run();
            return null;
        });
    }
}
