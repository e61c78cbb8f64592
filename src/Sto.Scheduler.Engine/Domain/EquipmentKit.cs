namespace Sto.Scheduler.Engine.Domain;

/// <summary>A type of shared equipment kit of the lending lab (uitleenlab, domain.md §2.9), counted per week.</summary>
public sealed record EquipmentKit
{
    public KitId Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>How many kits of this type exist, i.e. can be in use in one week.</summary>
    public int Count { get; init; }
}
