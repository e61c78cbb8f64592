using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Services;

/// <summary>Schools create, update, withdraw and list their elective offers; every school of the subregion reads them.</summary>
[Authorize]
public sealed class ElectiveOfferGrpcService(StandardMethods methods) : ElectiveOfferService.ElectiveOfferServiceBase
{
    public override Task<ElectiveOffer> GetElectiveOffer(GetElectiveOfferRequest request, ServerCallContext context) =>
        methods.GetAsync(ResourceKinds.ElectiveOffer, request.Name, context);

    public override async Task<ListElectiveOffersResponse> ListElectiveOffers(ListElectiveOffersRequest request, ServerCallContext context)
    {
        var (items, next) = await methods.ListAsync(ResourceKinds.ElectiveOffer, request.Parent, request.PageSize, request.PageToken, context);
        return new ListElectiveOffersResponse { ElectiveOffers = { items }, NextPageToken = next };
    }

    public override Task<ElectiveOffer> CreateElectiveOffer(CreateElectiveOfferRequest request, ServerCallContext context) =>
        methods.CreateAsync(ResourceKinds.ElectiveOffer, request.Parent, request.ElectiveOffer, request.ElectiveOfferId, request.RequestId, request.ValidateOnly, context);

    public override Task<ElectiveOffer> UpdateElectiveOffer(UpdateElectiveOfferRequest request, ServerCallContext context) =>
        methods.UpdateAsync(ResourceKinds.ElectiveOffer, request.ElectiveOffer, request.UpdateMask, request.ValidateOnly, context);

    public override Task<Empty> DeleteElectiveOffer(DeleteElectiveOfferRequest request, ServerCallContext context) =>
        methods.DeleteAsync(ResourceKinds.ElectiveOffer, request.Name, request.Etag, context);

    public override async Task<BatchUpsertElectiveOffersResponse> BatchUpsertElectiveOffers(
        BatchUpsertElectiveOffersRequest request, ServerCallContext context)
    {
        var (items, created, updated) = await methods.BatchUpsertAsync(
            ResourceKinds.ElectiveOffer, request.Parent, request.ElectiveOffers, "elective_offers", request.ValidateOnly, context);
        return new BatchUpsertElectiveOffersResponse { ElectiveOffers = { items }, CreatedCount = created, UpdatedCount = updated };
    }
}
