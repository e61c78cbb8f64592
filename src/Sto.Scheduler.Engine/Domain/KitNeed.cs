namespace Sto.Scheduler.Engine.Domain;

/// <summary>Lending-lab kits one running group of an elective uses in every week it meets.</summary>
public sealed record KitNeed
{
    public KitId Kit { get; init; }

    public int CountPerGroup { get; init; } = 1;
}
