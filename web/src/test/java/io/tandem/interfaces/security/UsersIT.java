package io.tandem.interfaces.security;

import io.tandem.testing.Api;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** People and roles through /api/users: a viewer reads and cannot write; roles, disabling and passwords take effect at once. */
@ExtendWith(TandemServer.class)
class UsersIT {

    private static final String GOOD = "copper kettle under rain";

    @Test
    void aViewerReadsButCannotWriteAndAdminsManageThePeople(TandemServer.Running tandem) {
        Api admin = tandem.admin();
        String name = "vera-" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response weak = admin.post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"Password2026!\",\"role\":\"viewer\"}");
        assertEquals(400, weak.status(), weak.body());
        assertTrue(weak.body().contains("\"field\":\"password\"") && weak.body().contains("too common"), weak.body());
        assertEquals(400, admin.post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"x" + name + "-long-enough\",\"role\":\"viewer\"}")
                .status(), "the user name inside the password");
        assertEquals(400, admin.post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"" + GOOD + "\",\"role\":\"boss\"}").status());

        Api.Response created = admin.post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"" + GOOD + "\",\"role\":\"viewer\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("viewer", created.json().getString("role"));
        assertTrue(created.header("Location").endsWith("/api/users/" + name));
        assertEquals(409, admin.post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"" + GOOD + "\",\"role\":\"viewer\"}").status());

        JsonObject list = admin.get("/api/users?limit=1").json();
        assertEquals(1, list.getJsonArray("items").size());
        assertTrue(list.getJsonNumber("total").longValue() >= 2);
        assertTrue(!list.isNull("next"), "a next page: " + list);
        assertTrue(admin.get("/api/users?limit=200").body().contains("\"name\":\"" + name + "\""));

        Api vera = Api.basic(tandem.baseUrl(), name, GOOD);
        assertEquals(200, vera.get("/api/contacts").status(), "a viewer reads");
        assertEquals(403, vera.post("/api/contacts", "{\"email\":\"viewer-write@users-it.example\"}").status(), "and does not write");
        assertEquals(403, vera.get("/api/users").status(), "nor sees the people");

        assertEquals("operator", patch(admin, "/api/users/" + name, "{\"role\":\"operator\"}").json().getString("role"));
        assertEquals(201, vera.post("/api/contacts", "{\"email\":\"operator-write@users-it.example\"}").status(), "the new role at once");

        Api.Response own = put(vera, "/api/users/me/password", "{\"currentPassword\":\"wrong\",\"password\":\"brass lantern over snow\"}");
        assertEquals(400, own.status(), own.body());
        assertEquals(204, put(vera, "/api/users/me/password", "{\"currentPassword\":\"" + GOOD + "\",\"password\":\"brass lantern over snow\"}")
                .status());
        assertEquals(401, vera.get("/api/contacts").status(), "the old password no longer signs in");
        Api renewed = Api.basic(tandem.baseUrl(), name, "brass lantern over snow");
        assertEquals(200, renewed.get("/api/contacts").status());

        assertEquals(200, put(admin, "/api/users/" + name + "/password", "{\"password\":\"" + GOOD + "\"}").status());
        assertEquals(401, renewed.get("/api/contacts").status());
        assertEquals(false, patch(admin, "/api/users/" + name, "{\"enabled\":false}").json().getBoolean("enabled"));
        assertEquals(401, vera.get("/api/contacts").status(), "a disabled user is signed out at the next call");
        assertTrue(admin.get("/api/users/" + name).json().isNull("lockedUntil"), "not locked: no failed sign-ins");

        Api.Response lastAdmin = patch(admin, "/api/users/admin", "{\"enabled\":false}");
        assertEquals(409, lastAdmin.status(), lastAdmin.body());
        assertTrue(lastAdmin.body().contains("last enabled admin"));
        assertEquals(404, admin.get("/api/users/nobody-at-all").status());
    }

    private static Api.Response patch(Api api, String path, String json) {
        return api.send(api.request(path).header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Api.Response put(Api api, String path, String json) {
        return api.send(api.request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
