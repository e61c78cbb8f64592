using System.CommandLine;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Cli;
using Sto.Scheduler.Client.Cli.Commands;
using Sto.Scheduler.Client.Tests.Support;
using static Sto.Scheduler.Client.Tests.Support.TestData;

namespace Sto.Scheduler.Client.Tests.Cli;

/// <summary>Every disruption kind of the contract has a <c>sto runs replan</c> option, parsed into the right message.</summary>
public sealed class DisruptionOptionsTests
{
    [Fact]
    public void DisruptionOptions_turn_every_kind_into_its_message_with_full_resource_names()
    {
        var disruptions = Read(
            "--staff-unavailable", "noord/de-vries@2026-W14,2026-W15",
            "--venue-closed", "lab-noord@2026-W15",
            "--venue-capacity", "lab-noord@2026-W16=12",
            "--session-moved", "noord/booglas@2026-W15=hal-oost,14:00-16:15",
            "--offer-cancelled", "noord/booglas",
            "--pupil-added", "noord/p-002",
            "--pupil-removed", "zuid/p-101",
            "--pupil-changed-school", "noord/p-001=zuid");

        Assert.Equal(
            [
                Disruption.KindOneofCase.StaffUnavailable, Disruption.KindOneofCase.VenueCapacityChanged, Disruption.KindOneofCase.VenueCapacityChanged,
                Disruption.KindOneofCase.SessionMoved, Disruption.KindOneofCase.OfferCancelled, Disruption.KindOneofCase.PupilAdded,
                Disruption.KindOneofCase.PupilRemoved, Disruption.KindOneofCase.PupilChangedSchool,
            ],
            disruptions.Select(d => d.KindCase));
        Assert.Equal(["2026-W14", "2026-W15"], disruptions[0].StaffUnavailable.Weeks);
        Assert.Equal(SchoolA + "/staffMembers/de-vries", disruptions[0].StaffUnavailable.StaffMember);
        Assert.Equal((Lab, 0), (disruptions[1].VenueCapacityChanged.Venue, disruptions[1].VenueCapacityChanged.PupilCapacity));
        Assert.Equal((Lab, "2026-W16", 12), (disruptions[2].VenueCapacityChanged.Venue, disruptions[2].VenueCapacityChanged.Weeks.Single(), disruptions[2].VenueCapacityChanged.PupilCapacity));
        var moved = disruptions[3].SessionMoved;
        Assert.Equal((Offer, "2026-W15", SubregionName + "/venues/hal-oost"), (moved.ElectiveOffer, moved.Week, moved.Venue));
        Assert.Equal((14, 0, 16, 15), (moved.StartTime.Hours, moved.StartTime.Minutes, moved.EndTime.Hours, moved.EndTime.Minutes));
        Assert.Equal(Offer, disruptions[4].OfferCancelled.ElectiveOffer);
        Assert.Equal(SchoolA + "/pupils/p-002", disruptions[5].PupilAdded.Pupil);
        Assert.Equal(PupilB, disruptions[6].PupilRemoved.Pupil);
        Assert.Equal((PupilA, SchoolB), (disruptions[7].PupilChangedSchool.Pupil, disruptions[7].PupilChangedSchool.School));
    }

    [Theory]
    [InlineData("--venue-capacity", "lab-noord@2026-W16", "VENUE@WEEK[,WEEK]=N")]
    [InlineData("--venue-capacity", "lab-noord@2026-W16=-3", "N a whole number")]
    [InlineData("--venue-capacity", "lab-noord@2026-W16=many", "N a whole number")]
    [InlineData("--venue-capacity", "lab-noord=12", "ID@WEEK")]
    [InlineData("--session-moved", "noord/booglas@2026-W15=hal-oost", "OFFER@WEEK=VENUE,HH:MM-HH:MM")]
    [InlineData("--session-moved", "noord/booglas@2026-W15=hal-oost,14:00", "OFFER@WEEK=VENUE,HH:MM-HH:MM")]
    [InlineData("--session-moved", "noord/booglas@2026-W15=hal-oost,25:00-26:00", "OFFER@WEEK=VENUE,HH:MM-HH:MM")]
    [InlineData("--session-moved", "noord/booglas@2026-W15,2026-W16=hal-oost,14:00-16:00", "OFFER@WEEK=VENUE,HH:MM-HH:MM")]
    [InlineData("--session-moved", "booglas@2026-W15=hal-oost,14:00-16:00", "school/offer-id")]
    [InlineData("--session-moved", "noord/booglas@2026-W99=hal-oost,14:00-16:00", "ISO week")]
    [InlineData("--pupil-changed-school", "noord/p-001", "PUPIL=SCHOOL")]
    [InlineData("--pupil-changed-school", "p-001=zuid", "{school}/{pupil}")]
    [InlineData("--pupil-added", "p-002", "{school}/{pupil}")]
    [InlineData("--staff-unavailable", "noord/de-vries", "ID@WEEK")]
    public void DisruptionOptions_reject_a_malformed_value_as_a_usage_error_naming_the_form(string option, string value, string expected)
    {
        var error = Assert.Throws<CliException>(() => Read(option, value));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replan_accepts_each_new_disruption_kind_against_a_published_run()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        await StoCli.RunAsync(app, app.PlannerToken, "runs", "create", "--id", "a", "--wait");
        await StoCli.RunAsync(app, app.PlannerToken, "runs", "publish", "a");

        var capacity = await StoCli.RunAsync(app, app.PlannerToken, "runs", "replan", "a", "--venue-capacity", "lab-noord@2026-W15=1", "--validate-only");
        var moved = await StoCli.RunAsync(app, app.PlannerToken, "runs", "replan", "a", "--session-moved", "noord/booglas@2026-W15=lab-noord,14:00-16:00", "--validate-only");
        var changed = await StoCli.RunAsync(app, app.PlannerToken, "runs", "replan", "a", "--pupil-changed-school", "noord/p-001=zuid", "--validate-only");
        var unknownVenue = await StoCli.RunAsync(app, app.PlannerToken, "runs", "replan", "a", "--session-moved", "noord/booglas@2026-W15=nowhere,14:00-16:00", "--validate-only");

        Assert.True(capacity.ExitCode == ExitCodes.Ok, capacity.Errors);
        Assert.Contains("are valid; nothing was queued", capacity.Output, StringComparison.Ordinal);
        Assert.True(moved.ExitCode == ExitCodes.Ok, moved.Errors);
        Assert.True(changed.ExitCode == ExitCodes.Ok, changed.Errors);
        Assert.NotEqual(ExitCodes.Ok, unknownVenue.ExitCode);
    }

    private static List<Disruption> Read(params string[] args)
    {
        var options = new DisruptionOptions();
        var root = new RootCommand();
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        return options.Read(root.Parse(args), SubregionName);
    }
}
