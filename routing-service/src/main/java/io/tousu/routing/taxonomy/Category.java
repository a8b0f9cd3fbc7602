package io.tousu.routing.taxonomy;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A complaint category; a sub-category names its parent and inherits its department. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Category(String code, String nameZh, String nameEn, String parent, String department) {
}
