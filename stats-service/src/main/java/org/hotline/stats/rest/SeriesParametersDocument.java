package org.hotline.stats.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.hotline.stats.Dimension;
import org.hotline.stats.Granularity;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Types the series parameters in the OpenAPI document. They are read as strings on purpose, so
 * that {@link SeriesParameters} can name every bad one at once; the document still says what each
 * accepts, taken from the same enums the parser uses, so it cannot drift from it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SeriesParametersDocument implements OASFilter {

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.QUERY || parameter.getName() == null) {
            return parameter;
        }
        Map<String, Runnable> typing = Map.of(
                "metric", () -> parameter.required(true).schema(choice(SeriesParameters.metricNames())),
                "granularity", () -> parameter.required(true).schema(choice(
                        Arrays.stream(Granularity.values()).map(Granularity::parameter).toList())),
                "groupBy", () -> parameter.schema(choice(
                        Arrays.stream(Dimension.values()).map(Dimension::parameter).toList())),
                "from", () -> parameter.required(true).schema(bound("first day or hour of the range")),
                "to", () -> parameter.required(true).schema(bound("last day or hour of the range, inclusive")));
        typing.getOrDefault(parameter.getName(), () -> { }).run();
        return parameter;
    }

    private static Schema choice(List<String> values) {
        return string().enumeration(List.copyOf(values));
    }

    /** A whole day of the ops room's zone, or an instant (taken to the hour). */
    private static Schema bound(String what) {
        return OASFactory.createSchema().description(what + ": an ISO date or an instant")
                .anyOf(List.of(string().format("date"), string().format("date-time")));
    }

    private static Schema string() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
    }
}
