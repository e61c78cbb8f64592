using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Services;

/// <summary>Planners add and remove schools; a coordinator reads and updates their own school.</summary>
[Authorize]
public sealed class SchoolGrpcService(StandardMethods methods) : SchoolService.SchoolServiceBase
{
    public override Task<School> GetSchool(GetSchoolRequest request, ServerCallContext context) =>
        methods.GetAsync(ResourceKinds.School, request.Name, context);

    public override async Task<ListSchoolsResponse> ListSchools(ListSchoolsRequest request, ServerCallContext context)
    {
        var (items, next) = await methods.ListAsync(ResourceKinds.School, request.Parent, request.PageSize, request.PageToken, context);
        return new ListSchoolsResponse { Schools = { items }, NextPageToken = next };
    }

    public override Task<School> CreateSchool(CreateSchoolRequest request, ServerCallContext context) =>
        methods.CreateAsync(ResourceKinds.School, request.Parent, request.School, request.SchoolId, request.RequestId, request.ValidateOnly, context);

    public override Task<School> UpdateSchool(UpdateSchoolRequest request, ServerCallContext context) =>
        methods.UpdateAsync(ResourceKinds.SchoolSelfService, request.School, request.UpdateMask, request.ValidateOnly, context);

    public override Task<Empty> DeleteSchool(DeleteSchoolRequest request, ServerCallContext context) =>
        methods.DeleteAsync(ResourceKinds.School, request.Name, request.Etag, context);
}
