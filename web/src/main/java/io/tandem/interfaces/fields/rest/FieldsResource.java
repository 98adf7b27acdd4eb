package io.tandem.interfaces.fields.rest;

import io.tandem.application.CustomFields;
import io.tandem.application.InvalidRequestException;
import io.tandem.application.Page;
import io.tandem.interfaces.rest.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;

/** Custom contact fields: {@code {"name", "label", "type": text|number|date|boolean|picklist, "options": [...]}}. */
@Path("fields")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FieldsResource {

    @Inject
    CustomFields fields;

    @Operation(summary = "Custom contact fields", description = "Role: viewer.")
    @GET
    public Page<CustomFields.FieldView> list() {
        return Page.all(fields.list());
    }

    @Operation(summary = "One custom field", description = "Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such record")
    @GET
    @Path("{name}")
    public CustomFields.FieldView get(@PathParam("name") String name) {
        return fields.get(name);
    }

    @Operation(summary = "Define a custom contact field (text, number, date, boolean, picklist)", description = "Role: admin.")
    @APIResponse(responseCode = "201", description = "The field")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @POST
    public Response define(JsonValue body, @Context UriInfo uri) {
        JsonObject o = JsonInput.object(body, "body");
        CustomFields.FieldView created = fields.define(JsonInput.string(o, "name"), JsonInput.string(o, "label"),
                JsonInput.string(o, "type"), options(o));
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }

    @Operation(summary = "Change a custom field's label or picklist options", description = "Role: admin.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @PATCH
    @Path("{name}")
    public CustomFields.FieldView change(@PathParam("name") String name, JsonValue body) {
        JsonObject o = JsonInput.object(body, "body");
        return fields.change(name, JsonInput.string(o, "label"), options(o));
    }

    @Operation(summary = "Remove a custom field and its values", description = "Role: admin.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @DELETE
    @Path("{name}")
    public Response remove(@PathParam("name") String name) {
        fields.remove(name);
        return Response.noContent().build();
    }

    private static List<String> options(JsonObject o) {
        JsonValue v = o.get("options");
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidRequestException("options", "must be an array of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonValue x : v.asJsonArray()) {
            if (x.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidRequestException("options", "must be an array of strings");
            }
            list.add(((jakarta.json.JsonString) x).getString());
        }
        return list;
    }
}
