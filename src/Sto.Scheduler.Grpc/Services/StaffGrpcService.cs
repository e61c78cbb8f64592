using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Services;

/// <summary>Schools submit their staff and availability, one by one or in bulk.</summary>
[Authorize]
public sealed class StaffGrpcService(StandardMethods methods) : StaffService.StaffServiceBase
{
    public override Task<StaffMember> GetStaffMember(GetStaffMemberRequest request, ServerCallContext context) =>
        methods.GetAsync(ResourceKinds.StaffMember, request.Name, context);

    public override async Task<ListStaffMembersResponse> ListStaffMembers(ListStaffMembersRequest request, ServerCallContext context)
    {
        var (items, next) = await methods.ListAsync(ResourceKinds.StaffMember, request.Parent, request.PageSize, request.PageToken, context);
        return new ListStaffMembersResponse { StaffMembers = { items }, NextPageToken = next };
    }

    public override Task<StaffMember> CreateStaffMember(CreateStaffMemberRequest request, ServerCallContext context) =>
        methods.CreateAsync(ResourceKinds.StaffMember, request.Parent, request.StaffMember, request.StaffMemberId, request.RequestId, request.ValidateOnly, context);

    public override Task<StaffMember> UpdateStaffMember(UpdateStaffMemberRequest request, ServerCallContext context) =>
        methods.UpdateAsync(ResourceKinds.StaffMember, request.StaffMember, request.UpdateMask, request.ValidateOnly, context);

    public override Task<Empty> DeleteStaffMember(DeleteStaffMemberRequest request, ServerCallContext context) =>
        methods.DeleteAsync(ResourceKinds.StaffMember, request.Name, request.Etag, context);

    public override async Task<BatchUpsertStaffMembersResponse> BatchUpsertStaffMembers(BatchUpsertStaffMembersRequest request, ServerCallContext context)
    {
        var (items, created, updated) = await methods.BatchUpsertAsync(
            ResourceKinds.StaffMember, request.Parent, request.StaffMembers, "staff_members", request.ValidateOnly, context);
        return new BatchUpsertStaffMembersResponse { StaffMembers = { items }, CreatedCount = created, UpdatedCount = updated };
    }
}
