package io.tandem.interfaces.contacts.rest;

import io.tandem.application.ContactInput;
import io.tandem.application.Contacts;
import io.tandem.application.InvalidRequestException;
import io.tandem.application.UpsertOptions;
import io.tandem.application.UpsertResult;
import io.tandem.interfaces.rest.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/contacts/batch}: up to 1,000 contacts upserted in one call, one result each. */
@Path("contacts/batch")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactBatchResource {

    /** The answer: one result per contact, in the order sent. */
    public record BatchResults(List<UpsertResult> results) {
    }

    @Inject
    Contacts contacts;

    @Operation(summary = "Create or update up to 1,000 contacts at once, one result each", description = "Role: operator.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "413", description = "Too many in one request")
    @POST
    public BatchResults upsert(JsonValue body) {
        JsonObject request = JsonInput.object(body, "body");
        JsonValue list = request.get("contacts");
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidRequestException("contacts", "must be an array of contacts");
        }
        List<ContactInput> inputs = new ArrayList<>();
        for (JsonValue item : list.asJsonArray()) {
            inputs.add(new ContactInput(item.getValueType() == JsonValue.ValueType.OBJECT
                    ? JsonInput.map(item.asJsonObject()) : java.util.Map.of("email", "")));
        }
        UpsertOptions options = UpsertOptions.api(JsonInput.flag(request, "updateOnly"), JsonInput.flag(request, "dontOverwriteNonEmpty"),
                JsonInput.sync(JsonInput.string(request, "sync"), "sync"));
        return new BatchResults(ConflictRetry.once(() -> contacts.upsertBatch(inputs, options)));
    }
}
