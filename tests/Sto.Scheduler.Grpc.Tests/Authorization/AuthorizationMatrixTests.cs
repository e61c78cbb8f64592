using System.Reflection;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Tests.Support;
using static Sto.Scheduler.Grpc.Tests.Support.TestData;

namespace Sto.Scheduler.Grpc.Tests.Authorization;

/// <summary>
/// ISSUE 3: every RPC × every kind of caller → the expected code; a forbidden caller gets the same
/// PERMISSION_DENIED for an existing and a nonexistent resource, so it learns nothing about existence.
/// </summary>
public sealed partial class AuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    public static TheoryData<string, Who> Cells()
    {
        var data = new TheoryData<string, Who>();
        foreach (var method in AuthorizationMatrix.Rows.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(method, who);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Caller_gets_the_expected_code_and_a_denial_reveals_no_existence(string method, Who who)
    {
        var row = AuthorizationMatrix.Rows[method];
        var expected = row.Expected(who);

        var onExisting = await Outcome.Of(() => row.Call(fixture.App.Channel, true, fixture.As(who)));

        Assert.True(expected == onExisting.Code, $"{method} as {who}: expected {expected}, got {onExisting}");
        if (expected is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            var onMissing = await Outcome.Of(() => row.Call(fixture.App.Channel, false, fixture.As(who)));
            Assert.Equal(onExisting, onMissing);
        }

        if (expected == StatusCode.PermissionDenied)
        {
            Assert.Equal("SCOPE_DENIED", onExisting.Reason);
            Assert.Contains("(or it might not exist)", onExisting.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rpc_of_every_service_has_a_row()
    {
        var methods = typeof(AllocationService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<ServiceDescriptor>()
            .SelectMany(s => s.Methods.Select(m => $"{s.Name}/{m.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(8, methods.Select(m => m.Split('/')[0]).Distinct().Count());
        Assert.Equal(methods, AuthorizationMatrix.Rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(AuthorizationMatrix.Rows.Values, r => Assert.DoesNotContain(r.Allowed, w => w is Who.None or Who.InvalidToken));
    }

    [Fact]
    public async Task Listing_subregions_shows_a_planner_only_their_own()
    {
        var client = new SubregionService.SubregionServiceClient(fixture.App.Channel);

        var own = await client.ListSubregionsAsync(new ListSubregionsRequest { Parent = Region }, fixture.As(Who.PlannerOwn));
        var other = await client.ListSubregionsAsync(new ListSubregionsRequest { Parent = Region }, fixture.As(Who.PlannerOther));

        Assert.Equal([SubregionName], own.Subregions.Select(s => s.Name));
        Assert.Empty(other.Subregions);
    }

    [Fact]
    public async Task A_filtered_list_pages_over_what_the_caller_may_see()
    {
        await using var app = new SchedulerAppFactory();
        var client = new SubregionService.SubregionServiceClient(app.Channel);
        foreach (var id in new[] { "a", "b", "c" })
        {
            await client.CreateSubregionAsync(
                new CreateSubregionRequest { Parent = Region, SubregionId = id, Subregion = TestData.NewSubregion() }, app.Planner($"{Region}/subregions/{id}"));
        }

        var page = await client.ListSubregionsAsync(new ListSubregionsRequest { Parent = Region, PageSize = 1 }, app.Planner());

        Assert.Equal([SubregionName], page.Subregions.Select(s => s.Name));
        Assert.Equal("", page.NextPageToken);
    }

    [Fact]
    public async Task Listing_subregions_shows_a_coordinator_the_subregion_of_their_school()
    {
        var client = new SubregionService.SubregionServiceClient(fixture.App.Channel);

        var own = await client.ListSubregionsAsync(new ListSubregionsRequest { Parent = Region }, fixture.As(Who.CoordinatorOwn));
        var otherRegion = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            client.ListSubregionsAsync(new ListSubregionsRequest { Parent = "regions/west" }, fixture.As(Who.CoordinatorOwn)));
        var pupil = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            client.ListSubregionsAsync(new ListSubregionsRequest { Parent = Region }, fixture.As(Who.PupilOwn)));

        Assert.Equal([SubregionName], own.Subregions.Select(s => s.Name));
        Assert.Equal("SCOPE_DENIED", RpcAssert.Reason(otherRegion));
        Assert.Equal("SCOPE_DENIED", RpcAssert.Reason(pupil));
    }

    [Fact]
    public async Task A_coordinator_reads_the_other_schools_of_the_subregion_but_does_not_change_them()
    {
        var schools = new SchoolService.SchoolServiceClient(fixture.App.Channel);

        var other = await schools.GetSchoolAsync(new GetSchoolRequest { Name = SchoolB }, fixture.As(Who.CoordinatorOwn));
        var listed = await schools.ListSchoolsAsync(new ListSchoolsRequest { Parent = SubregionName }, fixture.As(Who.CoordinatorOwn));
        var update = await RpcAssert.FailsWith(StatusCode.PermissionDenied, schools.UpdateSchoolAsync(
            new UpdateSchoolRequest { School = new School { Name = SchoolB, DisplayName = "Zuid" }, ValidateOnly = true }, fixture.As(Who.CoordinatorOwn)));

        Assert.Equal(SchoolB, other.Name);
        Assert.Equal([SchoolA, SchoolB], listed.Schools.Select(s => s.Name));
        Assert.Equal("SCOPE_DENIED", RpcAssert.Reason(update));
    }

    [Fact]
    public async Task Matrix_reads_by_allowed_callers_see_the_seeded_data()
    {
        var schedules = new PupilScheduleService.PupilScheduleServiceClient(fixture.App.Channel);
        var offers = new ElectiveOfferService.ElectiveOfferServiceClient(fixture.App.Channel);

        var schedule = await schedules.GetPupilScheduleAsync(new GetPupilScheduleRequest { Name = PupilA + "/schedule" }, fixture.As(Who.PupilOwn));
        var listed = await offers.ListElectiveOffersAsync(new ListElectiveOffersRequest { Parent = SchoolA }, fixture.As(Who.CoordinatorOther));

        Assert.Equal(fixture.PublishedRun!.Name, schedule.AllocationRun);
        Assert.Equal(3, schedule.Entries.Count);
        Assert.Equal([Offer], listed.ElectiveOffers.Select(o => o.Name));
    }

    /// <summary>What a caller learns from a call: code, reason, message with quoted names blanked, detail types.</summary>
    private sealed partial record Outcome(StatusCode Code, string? Reason, string Message, string Details)
    {
        public static async Task<Outcome> Of(Func<Task> call)
        {
            try
            {
                await call();
                return new Outcome(StatusCode.OK, null, "", "");
            }
            catch (RpcException e)
            {
                var status = e.GetRpcStatus();
                var details = status is null ? "" : string.Join(",", status.Details.Select(d => d.TypeUrl));
                return new Outcome(e.StatusCode, status?.GetDetail<ErrorInfo>()?.Reason, Quoted().Replace(e.Status.Detail, "'…'"), details);
            }
        }

        [GeneratedRegex("'[^']*'")]
        private static partial Regex Quoted();
    }
}
