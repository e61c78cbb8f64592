namespace Sto.Scheduler.Grpc.Hosting;

/// <summary>Demo seeding, section "Demo".</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the demo subregion at start when it is not there yet.</summary>
    public bool SeedOnStart { get; set; }

    /// <summary>The demo subregion's resource name.</summary>
    public string Subregion { get; set; } = "regions/oost/subregions/twente-demo";

    /// <summary>The demo problem (Engine instance JSON); generated with the default seed when missing.</summary>
    public string File { get; set; } = "data/demo-subregion.json";
}
