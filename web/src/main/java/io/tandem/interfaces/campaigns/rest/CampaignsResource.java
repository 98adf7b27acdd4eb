package io.tandem.interfaces.campaigns.rest;

import io.tandem.application.CampaignMembers;
import io.tandem.application.Campaigns;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * Campaigns: list and search, create ({@code {"name", "typeId", "salesforce": {"mode": "none|link|create",
 * "id"}}}), rename or change status, delete; members added by contact id or email (up to 1,000 at once),
 * moved to another status, removed, listed with a status filter; the Salesforce link, and a search of the
 * org's campaigns to link one.
 */
@Path("campaigns")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignsResource {

    @Inject
    Campaigns campaigns;
    @Inject
    CampaignMembers members;

    @Operation(summary = "List campaigns, searched by name", description = "Role: viewer.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @GET
    public Page<Campaigns.CampaignView> list(@QueryParam("q") String q, @QueryParam("cursor") String cursor,
                                             @QueryParam("limit") Integer limit) {
        return campaigns.list(q, cursor, limit);
    }

    @Operation(summary = "Search the org's campaigns by name, to link one", description = "Role: viewer.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "409", description = "No connection")
    @GET
    @Path("salesforce")
    public Page<Campaigns.SalesforceCampaign> searchSalesforce(@QueryParam("q") String q, @QueryParam("limit") Integer limit) {
        return campaigns.searchSalesforce(q, limit);
    }

    @Operation(summary = "Create a campaign: not synced, linked to a Salesforce campaign, or created there", description = "Role: operator.")
    @APIResponse(responseCode = "201", description = "The campaign")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @POST
    public Response create(JsonValue body, @Context UriInfo uri) {
        JsonObject o = JsonInput.object(body, "body");
        Campaigns.SalesforceChoice choice = null;
        if (o.containsKey("salesforce") && o.get("salesforce") != JsonValue.NULL) {
            JsonObject sf = JsonInput.object(o.get("salesforce"), "salesforce");
            choice = new Campaigns.SalesforceChoice(JsonInput.string(sf, "mode"), JsonInput.string(sf, "id"));
        }
        Campaigns.CampaignView created = campaigns.create(JsonInput.string(o, "name"), JsonInput.number(o, "typeId"), choice);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build()).entity(created).build();
    }

    @Operation(summary = "A campaign with its Salesforce link and the link's first sync", description = "Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such record")
    @GET
    @Path("{id}")
    public Campaigns.CampaignView get(@PathParam("id") long id) {
        return campaigns.get(id);
    }

    @Operation(summary = "Rename a campaign or change its status", description = "Role: operator.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @PATCH
    @Path("{id}")
    public Campaigns.CampaignView change(@PathParam("id") long id, JsonValue body) {
        JsonObject o = JsonInput.object(body, "body");
        return campaigns.change(id, JsonInput.string(o, "name"), JsonInput.string(o, "status"));
    }

    @Operation(summary = "Delete a campaign and its members here", description = "Role: operator.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such record")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        campaigns.delete(id);
        return Response.noContent().build();
    }

    /** The link's state: the Salesforce campaign as last read, or null while unlinked. */
    @Operation(summary = "A campaign's Salesforce link and its first sync's progress", description = "Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such record")
    @GET
    @Path("{id}/salesforce")
    public Campaigns.SalesforceLink salesforce(@PathParam("id") long id) {
        return campaigns.get(id).salesforce();
    }

    /** Links the campaign to {@code {"id": "701…"}}. */
    @Operation(summary = "Link a campaign to a Salesforce campaign and start their first two-way sync", description = "Role: operator.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @POST
    @Path("{id}/salesforce")
    public Campaigns.CampaignView link(@PathParam("id") long id, JsonValue body) {
        return campaigns.link(id, JsonInput.string(JsonInput.object(body, "body"), "id"));
    }

    @Operation(summary = "Unlink a campaign: its members stop syncing", description = "Role: operator.")
    @APIResponse(responseCode = "404", description = "No such record")
    @DELETE
    @Path("{id}/salesforce")
    public Campaigns.CampaignView unlink(@PathParam("id") long id) {
        return campaigns.unlink(id);
    }

    @Operation(summary = "A campaign's members, by status", description = "Role: viewer.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @GET
    @Path("{id}/members")
    public Page<CampaignMembers.MemberView> members(@PathParam("id") long id, @QueryParam("status") String status,
                                              @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return members.members(id, status, cursor, limit);
    }

    /** {@code {"members":[{"contactId" or "email", "status"}]}}, up to 1,000. */
    @Operation(summary = "Add up to 1,000 members by contact id or email, one result each", description = "Role: operator.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "413", description = "Too many in one request")
    @POST
    @Path("{id}/members")
    public CampaignMembers.Added addMembers(@PathParam("id") long id, JsonValue body) {
        List<CampaignMembers.MemberInput> asked = new ArrayList<>();
        for (JsonObject m : JsonInput.objects(JsonInput.object(body, "body"), "members", CampaignMembers.MAX_MEMBERS,
                "{\"contactId\" or \"email\", \"status\"}")) {
            asked.add(new CampaignMembers.MemberInput(JsonInput.number(m, "contactId"), JsonInput.string(m, "email"), JsonInput.string(m, "status")));
        }
        return members.addMembers(id, asked);
    }

    /** {@code {"status"}}: the member moves to that status of the campaign's type. */
    @Operation(summary = "Change a member's status", description = "Role: operator.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @PATCH
    @Path("{id}/members/{contactId}")
    public CampaignMembers.MemberView changeMember(@PathParam("id") long id, @PathParam("contactId") long contactId, JsonValue body) {
        return members.changeMember(id, contactId, JsonInput.string(JsonInput.object(body, "body"), "status"));
    }

    @Operation(summary = "Remove a member", description = "Role: operator.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such record")
    @DELETE
    @Path("{id}/members/{contactId}")
    public Response removeMember(@PathParam("id") long id, @PathParam("contactId") long contactId) {
        members.removeMember(id, contactId);
        return Response.noContent().build();
    }
}
