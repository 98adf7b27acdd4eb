package io.tandem.interfaces.web;

import io.tandem.application.SyncOverview;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Chart.js configurations (JSON) for PrimeFaces' {@code p:chart}. */
final class Charts {

    private Charts() {
    }

    /** The queue's depth and Tandem's API calls per hour, two lines on two axes; hours in UTC. */
    static String history(SyncOverview.History h, String hourPattern) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(hourPattern, Locale.ENGLISH).withZone(ZoneOffset.UTC);
        JsonArrayBuilder labels = Json.createArrayBuilder();
        h.hours().forEach(t -> labels.add(f.format(t)));
        JsonArrayBuilder queued = Json.createArrayBuilder();
        h.queued().forEach(queued::add);
        JsonArrayBuilder calls = Json.createArrayBuilder();
        h.apiCalls().forEach(calls::add);
        return Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", "Queued (deepest in the hour)").add("data", queued).add("yAxisID", "y")
                                .add("borderColor", "#3b6ec6").add("fill", false))
                        .add(Json.createObjectBuilder().add("label", "API calls").add("data", calls).add("yAxisID", "y1")
                                .add("borderColor", "#c6823b").add("fill", false))))
                .add("options", Json.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true).add("position", "left"))
                                .add("y1", Json.createObjectBuilder().add("beginAtZero", true).add("position", "right"))))
                .build().toString();
    }
}
