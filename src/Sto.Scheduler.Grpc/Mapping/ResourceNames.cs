using Sto.Scheduler.Grpc.Errors;

namespace Sto.Scheduler.Grpc.Mapping;

/// <summary>Every resource name pattern of the API, and checks that name the field on failure.</summary>
public static class ResourceNames
{
    public static readonly ResourcePattern Region = new("regions/{region}");
    public static readonly ResourcePattern Subregion = new("regions/{region}/subregions/{subregion}");
    public static readonly ResourcePattern School = new(Subregion.Pattern + "/schools/{school}");
    public static readonly ResourcePattern Venue = new(Subregion.Pattern + "/venues/{venue}");
    public static readonly ResourcePattern EquipmentKit = new(Subregion.Pattern + "/equipmentKits/{equipment_kit}");
    public static readonly ResourcePattern AllocationRun = new(Subregion.Pattern + "/allocationRuns/{allocation_run}");
    public static readonly ResourcePattern Allocation = new(AllocationRun.Pattern + "/allocation");
    public static readonly ResourcePattern ElectiveOffer = new(School.Pattern + "/electiveOffers/{elective_offer}");
    public static readonly ResourcePattern Pupil = new(School.Pattern + "/pupils/{pupil}");
    public static readonly ResourcePattern PupilSchedule = new(Pupil.Pattern + "/schedule");
    public static readonly ResourcePattern StaffMember = new(School.Pattern + "/staffMembers/{staff_member}");

    /// <summary>Adds a violation when <paramref name="name"/> does not match; returns whether it matched.</summary>
    public static bool Check(string? name, ResourcePattern pattern, string field, FieldViolations violations)
    {
        if (string.IsNullOrEmpty(name))
        {
            violations.Add(field, $"Required: a name like {pattern}.");
            return false;
        }

        if (!pattern.Matches(name))
        {
            violations.Add(field, $"'{name}' is not a name like {pattern}.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Adds a violation when a REQUIRED name is empty. Safe to run before the access check: an empty field names
    /// no resource, so the answer reveals nothing (AIP-211); every non-empty name goes to the access check first.
    /// </summary>
    public static bool CheckPresent(string? name, ResourcePattern pattern, string field, FieldViolations violations)
    {
        if (!string.IsNullOrEmpty(name))
        {
            return true;
        }

        violations.Add(field, $"Required: a name like {pattern}.");
        return false;
    }

    /// <summary>Throws INVALID_ARGUMENT when a REQUIRED name is empty (see <see cref="CheckPresent"/>).</summary>
    public static void RequirePresent(string? name, ResourcePattern pattern, string field)
    {
        var violations = new FieldViolations();
        CheckPresent(name, pattern, field, violations);
        violations.ThrowIfAny();
    }

    /// <summary>Throws INVALID_ARGUMENT unless <paramref name="name"/> matches.</summary>
    public static string Require(string? name, ResourcePattern pattern, string field)
    {
        var violations = new FieldViolations();
        Check(name, pattern, field, violations);
        violations.ThrowIfAny();
        return name!;
    }
}
