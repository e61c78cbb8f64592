using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Services;

/// <summary>Planners manage venues; coordinators read them.</summary>
[Authorize]
public sealed class VenueGrpcService(StandardMethods methods) : VenueService.VenueServiceBase
{
    public override Task<Venue> GetVenue(GetVenueRequest request, ServerCallContext context) =>
        methods.GetAsync(ResourceKinds.Venue, request.Name, context);

    public override async Task<ListVenuesResponse> ListVenues(ListVenuesRequest request, ServerCallContext context)
    {
        var (items, next) = await methods.ListAsync(ResourceKinds.Venue, request.Parent, request.PageSize, request.PageToken, context);
        return new ListVenuesResponse { Venues = { items }, NextPageToken = next };
    }

    public override Task<Venue> CreateVenue(CreateVenueRequest request, ServerCallContext context) =>
        methods.CreateAsync(ResourceKinds.Venue, request.Parent, request.Venue, request.VenueId, request.RequestId, request.ValidateOnly, context);

    public override Task<Venue> UpdateVenue(UpdateVenueRequest request, ServerCallContext context) =>
        methods.UpdateAsync(ResourceKinds.Venue, request.Venue, request.UpdateMask, request.ValidateOnly, context);

    public override Task<Empty> DeleteVenue(DeleteVenueRequest request, ServerCallContext context) =>
        methods.DeleteAsync(ResourceKinds.Venue, request.Name, request.Etag, context);
}
