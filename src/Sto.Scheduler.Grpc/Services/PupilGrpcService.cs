using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Services;

/// <summary>Schools submit their pupils and choices, one by one or in bulk.</summary>
[Authorize]
public sealed class PupilGrpcService(StandardMethods methods) : PupilService.PupilServiceBase
{
    public override Task<Pupil> GetPupil(GetPupilRequest request, ServerCallContext context) =>
        methods.GetAsync(ResourceKinds.Pupil, request.Name, context);

    public override async Task<ListPupilsResponse> ListPupils(ListPupilsRequest request, ServerCallContext context)
    {
        var (items, next) = await methods.ListAsync(ResourceKinds.Pupil, request.Parent, request.PageSize, request.PageToken, context);
        return new ListPupilsResponse { Pupils = { items }, NextPageToken = next };
    }

    public override Task<Pupil> CreatePupil(CreatePupilRequest request, ServerCallContext context) =>
        methods.CreateAsync(ResourceKinds.Pupil, request.Parent, request.Pupil, request.PupilId, request.RequestId, request.ValidateOnly, context);

    public override Task<Pupil> UpdatePupil(UpdatePupilRequest request, ServerCallContext context) =>
        methods.UpdateAsync(ResourceKinds.Pupil, request.Pupil, request.UpdateMask, request.ValidateOnly, context);

    public override Task<Empty> DeletePupil(DeletePupilRequest request, ServerCallContext context) =>
        methods.DeleteAsync(ResourceKinds.Pupil, request.Name, request.Etag, context);

    public override async Task<BatchUpsertPupilsResponse> BatchUpsertPupils(BatchUpsertPupilsRequest request, ServerCallContext context)
    {
        var (items, created, updated) = await methods.BatchUpsertAsync(
            ResourceKinds.Pupil, request.Parent, request.Pupils, "pupils", request.ValidateOnly, context);
        return new BatchUpsertPupilsResponse { Pupils = { items }, CreatedCount = created, UpdatedCount = updated };
    }
}
