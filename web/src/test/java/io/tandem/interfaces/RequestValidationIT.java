package io.tandem.interfaces;

import io.tandem.testing.Api;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Request bodies bound to records with Bean Validation answer 400 naming the field within the body, nothing saved. */
@ExtendWith(TandemServer.class)
class RequestValidationIT {

    @Test
    void anOverLongSecretIsRefusedByItsFieldAndNothingIsSaved(TandemServer.Running tandem) {
        JsonObject before = tandem.admin().get("/api/settings/connection").json();
        Api.Response r = tandem.admin().send(tandem.admin().request("/api/settings/connection").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"loginUrl\":\"https://x.my.salesforce.com\",\"flow\":\"jwt_bearer\","
                        + "\"clientId\":\"a\",\"username\":\"u\",\"privateKey\":\"" + "k".repeat(20_000) + "\"}")));
        assertEquals(400, r.status(), r.body());
        JsonObject error = r.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("privateKey", error.getString("field"));
        assertEquals("size must be between 0 and 16384", error.getString("message"));
        assertEquals(before, tandem.admin().get("/api/settings/connection").json());
    }

    @Test
    void aReplayOfTooManyIdsNamesTheField(TandemServer.Running tandem) {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 10_001; i++) {
            ids.append(i == 0 ? "" : ",").append(i + 1);
        }
        Api.Response r = tandem.admin().post("/api/sync/replay", "{\"ids\":[" + ids + "]}");
        assertEquals(400, r.status(), r.body());
        JsonObject error = r.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("ids", error.getString("field"));
        assertEquals("at most 10,000 ids per call", error.getString("message"));
        Api.Response nullId = tandem.admin().post("/api/sync/replay", "{\"ids\":[1,null]}");
        assertEquals(400, nullId.status(), nullId.body());
        assertEquals("ids[1]", nullId.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
}
