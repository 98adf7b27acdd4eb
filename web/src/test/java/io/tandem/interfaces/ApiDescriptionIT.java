package io.tandem.interfaces;

import io.tandem.testing.Api;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API description (/openapi) an integrator reads: every operation says what it does, the role it needs and its error answers. */
@ExtendWith(TandemServer.class)
class ApiDescriptionIT {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void everyOperationHasASummaryItsRoleAndItsAnswers(TandemServer.Running tandem) {
        Api.Response r = tandem.anonymous().send(tandem.anonymous().request("/openapi").header("Accept", "application/json").GET());
        assertEquals(200, r.status());
        JsonObject paths = r.json().getJsonObject("paths");
        List<String> undescribed = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                JsonObject o = op.getValue().asJsonObject();
                if (o.getString("summary", "").isBlank() || !o.getString("description", "").contains("Role: ") || !o.containsKey("responses")) {
                    undescribed.add(op.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertTrue(operations > 90, "the whole API is described: " + operations + " operations");
        assertTrue(undescribed.isEmpty(), "operations without a summary, a role or answers: " + undescribed);
    }
}
