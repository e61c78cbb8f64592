using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Services;

/// <summary>Planners manage their subregion and its equipment kits; coordinators read them.</summary>
[Authorize]
public sealed class SubregionGrpcService(StandardMethods methods) : SubregionService.SubregionServiceBase
{
    public override Task<Subregion> GetSubregion(GetSubregionRequest request, ServerCallContext context) =>
        methods.GetAsync(ResourceKinds.Subregion, request.Name, context);

    public override async Task<ListSubregionsResponse> ListSubregions(ListSubregionsRequest request, ServerCallContext context)
    {
        var (items, next) = await methods.ListAsync(ResourceKinds.Subregion, request.Parent, request.PageSize, request.PageToken, context);
        return new ListSubregionsResponse { Subregions = { items }, NextPageToken = next };
    }

    public override Task<Subregion> CreateSubregion(CreateSubregionRequest request, ServerCallContext context) =>
        methods.CreateAsync(ResourceKinds.Subregion, request.Parent, request.Subregion, request.SubregionId, request.RequestId, request.ValidateOnly, context);

    public override Task<Subregion> UpdateSubregion(UpdateSubregionRequest request, ServerCallContext context) =>
        methods.UpdateAsync(ResourceKinds.Subregion, request.Subregion, request.UpdateMask, request.ValidateOnly, context);

    public override Task<Empty> DeleteSubregion(DeleteSubregionRequest request, ServerCallContext context) =>
        methods.DeleteAsync(ResourceKinds.Subregion, request.Name, request.Etag, context);

    public override Task<EquipmentKit> GetEquipmentKit(GetEquipmentKitRequest request, ServerCallContext context) =>
        methods.GetAsync(ResourceKinds.EquipmentKit, request.Name, context);

    public override async Task<ListEquipmentKitsResponse> ListEquipmentKits(ListEquipmentKitsRequest request, ServerCallContext context)
    {
        var (items, next) = await methods.ListAsync(ResourceKinds.EquipmentKit, request.Parent, request.PageSize, request.PageToken, context);
        return new ListEquipmentKitsResponse { EquipmentKits = { items }, NextPageToken = next };
    }

    public override Task<EquipmentKit> CreateEquipmentKit(CreateEquipmentKitRequest request, ServerCallContext context) =>
        methods.CreateAsync(ResourceKinds.EquipmentKit, request.Parent, request.EquipmentKit, request.EquipmentKitId, request.RequestId, request.ValidateOnly, context);

    public override Task<EquipmentKit> UpdateEquipmentKit(UpdateEquipmentKitRequest request, ServerCallContext context) =>
        methods.UpdateAsync(ResourceKinds.EquipmentKit, request.EquipmentKit, request.UpdateMask, request.ValidateOnly, context);

    public override Task<Empty> DeleteEquipmentKit(DeleteEquipmentKitRequest request, ServerCallContext context) =>
        methods.DeleteAsync(ResourceKinds.EquipmentKit, request.Name, request.Etag, context);
}
