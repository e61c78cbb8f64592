using Sto.Scheduler.Client.Cli;
using Sto.Scheduler.Client.Tests.Support;
using static Sto.Scheduler.Client.Tests.Support.TestData;

namespace Sto.Scheduler.Client.Tests.Cli;

public sealed class ImportCommandTests
{
    private const string ChoicesHeader = "pupil_id,learning_path,year,profile,completed,choice_1,choice_2";

    [Fact]
    public async Task Pupils_import_stores_the_choices_and_export_writes_them_back()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        var file = Write(app, "choices.csv", ChoicesHeader, "p-002,kb,3,PIE,,noord/booglas,", "p-003,bb,4,PIE,PIE-LASSEN,booglas,");
        var export = Path.Combine(app.Folder, "out.csv");

        var import = await StoCli.RunAsync(app, app.PlannerToken, "pupils", "import", "--school", "noord", "--file", file);
        var exported = await StoCli.RunAsync(app, app.PlannerToken, "pupils", "export", "--school", "noord", "--file", export);

        Assert.Equal(ExitCodes.Ok, import.ExitCode);
        Assert.Contains("3 pupils", exported.Output, StringComparison.Ordinal);
        Assert.Contains("2 pupils stored in regions/oost/subregions/c/schools/noord (2 created, 0 replaced)", import.Output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(export);
        Assert.Equal("pupil_id,learning_path,year,profile,completed,choice_1", lines[0]);
        Assert.Contains("p-003,bb,4,PIE,PIE-LASSEN,noord/booglas", lines);
    }

    [Fact]
    public async Task Pupils_import_rejects_a_bad_cell_with_file_line_and_column_and_sends_nothing()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        var file = Write(app, "choices.csv", ChoicesHeader, "p-002,kb,3,PIE,,noord/booglas,", "p-003,kb,drie,PIE,,noord/booglas,");

        var result = await StoCli.RunAsync(app, app.PlannerToken, "pupils", "import", "--school", "noord", "--file", file);
        using var client = app.Client(app.PlannerToken);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("choices.csv:3:3 (year): 'drie' is not a whole number ≥ 1.", result.Errors, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", result.Errors, StringComparison.Ordinal);
        Assert.Single(await client.ListPupilsAsync(SchoolA).ToListAsync());
    }

    [Fact]
    public async Task Pupils_import_shows_the_servers_row_errors_at_their_csv_line()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        var file = Write(app, "choices.csv", ChoicesHeader, "p-002,kb,3,PIE,,noord/booglas,", "p-003,kb,3,PIE,,noord/booglas,noord/Not_An_Id");

        var result = await StoCli.RunAsync(app, app.PlannerToken, "pupils", "import", "--school", "noord", "--file", file);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("choices.csv:3:7 (choice_2):", result.Errors, StringComparison.Ordinal);
        Assert.Contains("server: pupils[1].choices[1].elective_offer", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pupils_import_with_validate_only_checks_without_storing()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        var file = Write(app, "choices.csv", ChoicesHeader, "p-002,kb,3,PIE,,noord/booglas,");

        var result = await StoCli.RunAsync(app, app.PlannerToken, "pupils", "import", "--school", "noord", "--file", file, "--validate-only");
        using var client = app.Client(app.PlannerToken);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("1 pupils are valid; nothing was stored", result.Output, StringComparison.Ordinal);
        Assert.Single(await client.ListPupilsAsync(SchoolA).ToListAsync());
    }

    [Fact]
    public async Task A_coordinator_cannot_import_into_another_school()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        var file = Write(app, "choices.csv", ChoicesHeader, "p-002,kb,3,PIE,,noord/booglas,");

        var result = await StoCli.RunAsync(app, CoordinatorToken(app, SchoolB), "pupils", "import", "--school", "noord", "--file", file);

        Assert.Equal(ExitCodes.PermissionDenied, result.ExitCode);
        Assert.Contains("PERMISSION_DENIED, SCOPE_DENIED", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offers_export_and_import_round_trip_and_replace_the_offer()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        var file = Path.Combine(app.Folder, "offers.csv");

        var export = await StoCli.RunAsync(app, app.PlannerToken, "offers", "export", "--school", "noord", "--file", file);
        var import = await StoCli.RunAsync(app, app.PlannerToken, "offers", "import", "--school", "noord", "--file", file);
        var list = await StoCli.RunAsync(app, app.PlannerToken, "offers", "list", "--school", "noord");

        Assert.Equal(ExitCodes.Ok, export.ExitCode);
        Assert.Equal(4, File.ReadAllLines(file).Length);
        Assert.Equal(ExitCodes.Ok, import.ExitCode);
        Assert.Contains("1 offers stored in regions/oost/subregions/c/schools/noord (0 created, 1 replaced)", import.Output, StringComparison.Ordinal);
        Assert.Contains("Booglasprocessen", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offers_import_creates_a_new_offer_and_names_bad_cells()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        const string header = "offer_id,elective_code,display_name,min_group_size,max_group_size,required_qualification,week,venue,start_time,end_time";
        var good = Write(app, "offers.csv", header, "lassen,PIE-LASSEN,Lassen,4,12,PIE,2026-W14,lab-noord,13:30,15:30", "lassen,PIE-LASSEN,Lassen,4,12,PIE,2026-W15,lab-noord,13:30,15:30");
        var bad = Write(app, "bad-offers.csv", header, "frezen,PIE-FREZEN,Frezen,4,twaalf,PIE,2026-W14,lab-noord,13:30,15:30", "frezen,PIE-FREZEN,Frezen,4,12,PIE,week 15,lab-noord,1330,15:30");

        var created = await StoCli.RunAsync(app, app.PlannerToken, "offers", "import", "--school", "noord", "--file", good);
        var rejected = await StoCli.RunAsync(app, app.PlannerToken, "offers", "import", "--school", "noord", "--file", bad);

        Assert.Equal(ExitCodes.Ok, created.ExitCode);
        Assert.Contains("(1 created, 0 replaced)", created.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, rejected.ExitCode);
        Assert.Contains("bad-offers.csv:2:5 (max_group_size): 'twaalf' is not a whole number ≥ 1.", rejected.Errors, StringComparison.Ordinal);
        Assert.Contains("bad-offers.csv:3:5 (max_group_size): '12' differs from line 2", rejected.Errors, StringComparison.Ordinal);
        Assert.Contains("bad-offers.csv:3:7 (week):", rejected.Errors, StringComparison.Ordinal);
        Assert.Contains("bad-offers.csv:3:9 (start_time): '1330' is not a time; expected HH:mm", rejected.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offers_import_shows_the_servers_checks_at_the_session_row()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        const string header = "offer_id,elective_code,display_name,min_group_size,max_group_size,required_qualification,week,venue,start_time,end_time";
        var file = Write(app, "offers.csv", header, "lassen,PIE-LASSEN,Lassen,4,12,PIE,2026-W14,lab-noord,13:30,15:30", "lassen,PIE-LASSEN,Lassen,4,12,PIE,2026-W15,lab-noord,15:30,13:30");

        var result = await StoCli.RunAsync(app, app.PlannerToken, "offers", "import", "--school", "noord", "--file", file);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("offers.csv:3:10 (end_time):", result.Errors, StringComparison.Ordinal);
        Assert.Contains("the server rejected the file and stored nothing", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offers_import_is_all_or_nothing_and_points_at_the_bad_session_row()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        const string header = "offer_id,elective_code,display_name,min_group_size,max_group_size,required_qualification,week,venue,start_time,end_time";
        var file = Write(app, "offers.csv", header,
            "lassen,PIE-LASSEN,Lassen,4,12,PIE,2026-W14,lab-noord,13:30,15:30",
            "frezen,PIE-FREZEN,Frezen,4,12,PIE,2026-W14,lab-noord,13:30,15:30",
            "frezen,PIE-FREZEN,Frezen,4,12,PIE,2026-W15,hal-zuid,13:30,15:30");
        using var client = app.Client(app.PlannerToken);

        var result = await StoCli.RunAsync(app, app.PlannerToken, "offers", "import", "--school", "noord", "--file", file);
        var offers = await client.ListElectiveOffersAsync(SchoolA).ToListAsync();

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("offers.csv:4:8 (venue):", result.Errors, StringComparison.Ordinal);
        Assert.Contains("(server: elective_offers[1].sessions[1].venue)", result.Errors, StringComparison.Ordinal);
        Assert.Contains("the server rejected the file and stored nothing", result.Errors, StringComparison.Ordinal);
        Assert.Equal([SchoolA + "/electiveOffers/booglas"], offers.Select(o => o.Name));
    }

    [Fact]
    public async Task Offers_import_with_validate_only_says_what_it_would_create_and_replace()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        const string header = "offer_id,elective_code,display_name,min_group_size,max_group_size,required_qualification,week,venue,start_time,end_time";
        var file = Write(app, "offers.csv", header,
            "booglas,PIE-BOOGLAS,Booglasprocessen,1,15,PIE,2026-W14,lab-noord,13:30,15:30",
            "lassen,PIE-LASSEN,Lassen,4,12,PIE,2026-W14,lab-noord,13:30,15:30");

        var result = await StoCli.RunAsync(app, app.PlannerToken, "offers", "import", "--school", "noord", "--file", file, "--validate-only");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Errors);
        Assert.Contains("2 offers are valid; nothing was stored (--validate-only; 1 would be created, 1 replaced)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_import_and_export_keep_qualifications_and_weeks()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        var file = Write(app, "staff.csv", "staff_id,display_name,kind,qualifications,qualified_teacher,available_weeks",
            "jansen,\"Jansen, S.\",instructor,PIE;PIE-LASSEN,false,2026-W14..2026-W15");
        var export = Path.Combine(app.Folder, "staff-out.csv");

        var import = await StoCli.RunAsync(app, CoordinatorToken(app, SchoolA), "staff", "import", "--school", "noord", "--file", file);
        await StoCli.RunAsync(app, CoordinatorToken(app, SchoolA), "staff", "export", "--school", "noord", "--file", export);

        Assert.Equal(ExitCodes.Ok, import.ExitCode);
        Assert.Contains("jansen,\"Jansen, S.\",instructor,PIE;PIE-LASSEN,false,,,2026-W14;2026-W15", File.ReadAllLines(export));
    }

    [Fact]
    public async Task Staff_import_rejects_an_unknown_kind_with_the_expected_values()
    {
        await using var app = new ClientAppFactory();
        await SeedAsync(app);
        var file = Write(app, "staff.csv", "staff_id,display_name,kind,qualifications", "jansen,S. Jansen,teacher,PIE");

        var result = await StoCli.RunAsync(app, app.PlannerToken, "staff", "import", "--school", "noord", "--file", file);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("staff.csv:2:3 (kind): 'teacher' is not a staff kind; expected one of docent, instructor, hybrid-docent, company-instructor.", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_invalid_input()
    {
        await using var app = new ClientAppFactory();

        var result = await StoCli.RunAsync(app, app.PlannerToken, "pupils", "import", "--school", "noord", "--file", Path.Combine(app.Folder, "none.csv"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("none.csv: the file does not exist", result.Errors, StringComparison.Ordinal);
    }

    private static string Write(ClientAppFactory app, string name, params string[] lines)
    {
        var path = Path.Combine(app.Folder, name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
        return path;
    }
}
