package io.tandem.interfaces.imports.rest;

import io.tandem.application.Imports;
import io.tandem.application.InvalidRequestException;
import io.tandem.application.UpsertOptions;
import io.tandem.interfaces.rest.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CSV imports: {@code POST} multipart with {@code file} (or {@code upload}, from {@code POST /preview}), optional
 * {@code mapping} (JSON: column → field, null to leave a column out) and {@code options} (JSON: updateOnly,
 * dontOverwriteNonEmpty, sync);
 * {@code GET /{id}} for progress and row errors; {@code POST /{id}/stop} and {@code /{id}/restart}.
 */
@Path("imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {

    @Inject
    Imports imports;

    @Operation(summary = "Import a CSV of contacts (multipart: file or upload, mapping, options)", description = "Role: operator.")
    @APIResponse(responseCode = "202", description = "The import, started")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "409", description = "The upload is gone or started already")
    @APIResponse(responseCode = "413", description = "Too many in one request")
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(List<EntityPart> parts, @Context SecurityContext caller, @Context UriInfo uri) throws IOException {
        Optional<EntityPart> upload = part(parts, "upload");
        EntityPart file = upload.isPresent() ? null : part(parts, "file").orElseThrow(() -> new InvalidRequestException("file",
                "is required (or upload: the name a preview gave)"));
        Map<String, String> mapping = null;
        Optional<EntityPart> mappingPart = part(parts, "mapping");
        if (mappingPart.isPresent()) {
            mapping = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : json(mappingPart.get(), "mapping").entrySet()) {
                mapping.put(e.getKey(), e.getValue().getValueType() == JsonValue.ValueType.STRING
                        ? ((jakarta.json.JsonString) e.getValue()).getString() : null);
            }
        }
        JsonObject options = part(parts, "options").isPresent() ? json(part(parts, "options").get(), "options") : JsonValue.EMPTY_JSON_OBJECT;
        UpsertOptions upsert = UpsertOptions.api(JsonInput.flag(options, "updateOnly"), JsonInput.flag(options, "dontOverwriteNonEmpty"),
                JsonInput.sync(JsonInput.string(options, "sync"), "options.sync"));
        String user = caller.getUserPrincipal().getName();
        Imports.ImportView started = upload.isPresent()
                ? imports.startPrepared(text(upload.get()), part(parts, "fileName").isPresent() ? text(part(parts, "fileName").get()) : null,
                mapping, upsert, user)
                : imports.start(file.getFileName().orElse(null), file.getContent(), mapping, upsert, user);
        return Response.accepted(started).location(uri.getAbsolutePathBuilder().path(Long.toString(started.id())).build()).build();
    }

    /**
     * The first step of an import whose mapping is chosen by a person: the file is stored and checked,
     * nothing imported; the answer's {@code upload} then starts it ({@code POST /imports} with parts
     * {@code upload}, {@code mapping}, {@code options}).
     */
    @Operation(summary = "Store a CSV and show its columns, the mapping found by name and its first rows; nothing imported", description = "Role: operator.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "413", description = "Too many in one request")
    @POST
    @Path("preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Imports.Prepared preview(List<EntityPart> parts) throws IOException {
        EntityPart file = part(parts, "file").orElseThrow(() -> new InvalidRequestException("file", "is required"));
        return imports.prepare(file.getFileName().orElse(null), file.getContent());
    }

    @Operation(summary = "An import's progress and its first 100 row errors", description = "Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such record")
    @GET
    @Path("{id}")
    public Imports.ImportView get(@PathParam("id") long id) {
        return imports.get(id);
    }

    @Operation(summary = "Run a failed or stopped import on from its last checkpoint", description = "Role: operator.")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @POST
    @Path("{id}/restart")
    public Imports.ImportView restart(@PathParam("id") long id) {
        return imports.restart(id);
    }

    @Operation(summary = "Stop a running import after its current chunk", description = "Role: operator.")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @POST
    @Path("{id}/stop")
    public Imports.ImportView stop(@PathParam("id") long id) {
        return imports.stop(id);
    }

    private static Optional<EntityPart> part(List<EntityPart> parts, String name) {
        return parts.stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    /** A short text part (a name), at most 200 characters read. */
    private static String text(EntityPart part) throws IOException {
        try (var in = part.getContent()) {
            return new String(in.readNBytes(200), java.nio.charset.StandardCharsets.UTF_8).trim();
        }
    }

    private static JsonObject json(EntityPart part, String name) throws IOException {
        try (var reader = Json.createReader(new StringReader(part.getContent(String.class)))) {
            return JsonInput.object(reader.readValue(), name);
        } catch (JsonParsingException e) {
            throw new InvalidRequestException(name, "is not valid JSON: " + e.getMessage());
        }
    }
}
