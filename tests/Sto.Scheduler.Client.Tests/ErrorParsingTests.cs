using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Tests.Support;
using static Sto.Scheduler.Client.Tests.Support.TestData;

namespace Sto.Scheduler.Client.Tests;

public sealed class ErrorParsingTests
{
    [Fact]
    public async Task A_rejected_batch_surfaces_every_field_violation_and_the_reason()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        using var client = app.Client(app.PlannerToken);
        var bad = NewPupil(SchoolA + "/pupils/p-009", Offer);
        bad.Year = 9;
        bad.Choices[0].Rank = 0;

        var error = await Assert.ThrowsAsync<SchedulerException>(() =>
            client.Pupils.BatchUpsertPupilsAsync(new BatchUpsertPupilsRequest { Parent = SchoolA, Pupils = { bad } }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("INVALID_FIELD", error.Reason);
        Assert.Contains(error.FieldViolations, v => v.Field == "pupils[0].year");
        Assert.Contains(error.FieldViolations, v => v.Field == "pupils[0].choices[0].rank");
    }

    [Fact]
    public async Task A_missing_run_is_NOT_FOUND_with_the_resource_name()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        using var client = app.Client(app.PlannerToken);

        var error = await Assert.ThrowsAsync<SchedulerException>(() =>
            client.Allocations.GetAllocationRunAsync(new GetAllocationRunRequest { Name = SubregionName + "/allocationRuns/nope" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("RESOURCE_NOT_FOUND", error.Reason);
        Assert.Equal(SubregionName + "/allocationRuns/nope", error.ResourceName);
    }

    [Fact]
    public async Task A_call_without_a_token_is_UNAUTHENTICATED()
    {
        await using var app = new ClientAppFactory();
        using var client = app.Client(token: null);

        var error = await Assert.ThrowsAsync<SchedulerException>(() =>
            client.Allocations.GetAllocationRunAsync(new GetAllocationRunRequest { Name = SubregionName + "/allocationRuns/x" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public void SchedulerException_reads_ErrorInfo_metadata_and_BadRequest_from_the_status()
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = "Submissions closed.",
            Details =
            {
                Any.Pack(new ErrorInfo { Reason = "SUBMISSION_CLOSED", Domain = "scheduler.sto", Metadata = { ["deadline"] = "2026-03-01T00:00:00Z" } }),
                Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "pupil.year", Description = "A school year is 1 to 6." } } }),
            },
        };

        var error = SchedulerException.From(status.ToRpcException());

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("Submissions closed.", error.Message);
        Assert.Equal("SUBMISSION_CLOSED", error.Reason);
        Assert.Equal("2026-03-01T00:00:00Z", error.Metadata["deadline"]);
        Assert.Equal(new SchedulerFieldViolation("pupil.year", "A school year is 1 to 6."), Assert.Single(error.FieldViolations));
    }

    [Fact]
    public void SchedulerException_of_a_plain_status_has_no_reason_and_no_violations()
    {
        var error = SchedulerException.From(new RpcException(new global::Grpc.Core.Status(StatusCode.Unavailable, "Error connecting to subchannel.")));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Null(error.Reason);
        Assert.Empty(error.FieldViolations);
        Assert.Equal("Error connecting to subchannel.", error.Message);
    }
}
