namespace Sto.Scheduler.Engine.Domain;

/// <summary>Identifies a <see cref="School"/> (a vmbo site) within one subregion.</summary>
public readonly record struct SchoolId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a <see cref="Venue"/>: a workshop, lab, company hotspot, mbo college or trade school.</summary>
public readonly record struct VenueId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies an <see cref="ElectiveOffer"/>: one elective as run by one provider this period.</summary>
public readonly record struct OfferId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Pseudonymous identifier of a <see cref="Pupil"/>; never a name.</summary>
public readonly record struct PupilId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies a <see cref="StaffMember"/>.</summary>
public readonly record struct StaffId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Identifies an <see cref="EquipmentKit"/> type of a lending lab.</summary>
public readonly record struct KitId(string Value)
{
    public override string ToString() => Value;
}
