using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Auth;
using Sto.Scheduler.Grpc.Mapping;

namespace Sto.Scheduler.Grpc.Services;

/// <summary>The stored resource types: their names, who may read and write them, and their checks.</summary>
public static class ResourceKinds
{
    public static readonly ResourceKind<Subregion> Subregion = new(
        "scheduler.sto/Subregion", "subregion", ResourceNames.Subregion, ResourceNames.Region,
        ReadSubregion, AccessChecks.RequirePlanner, ResourceValidation.Subregion,
        Visible: AccessChecks.OwnSubregion);

    public static readonly ResourceKind<EquipmentKit> EquipmentKit = new(
        "scheduler.sto/EquipmentKit", "equipment_kit", ResourceNames.EquipmentKit, ResourceNames.Subregion,
        AccessChecks.RequireSubregionReader, AccessChecks.RequirePlanner, ResourceValidation.EquipmentKit);

    public static readonly ResourceKind<School> School = new(
        "scheduler.sto/School", "school", ResourceNames.School, ResourceNames.Subregion,
        AccessChecks.RequireSubregionReader, AccessChecks.RequirePlanner, ResourceValidation.School);

    /// <summary>Coordinators may update their own school (release times); create and delete stay with planners.</summary>
    public static readonly ResourceKind<School> SchoolSelfService = School with
    {
        WriteAccess = AccessChecks.RequireSchoolMember,
        DeadlineApplies = true,
    };

    public static readonly ResourceKind<Venue> Venue = new(
        "scheduler.sto/Venue", "venue", ResourceNames.Venue, ResourceNames.Subregion,
        AccessChecks.RequireSubregionReader, AccessChecks.RequirePlanner, ResourceValidation.Venue,
        CheckReferences: ReferenceValidation.Venue);

    public static readonly ResourceKind<ElectiveOffer> ElectiveOffer = new(
        "scheduler.sto/ElectiveOffer", "elective_offer", ResourceNames.ElectiveOffer, ResourceNames.School,
        AccessChecks.RequireSubregionReader, AccessChecks.RequireSchoolMember, ResourceValidation.ElectiveOffer,
        DeadlineApplies: true, CheckReferences: ReferenceValidation.ElectiveOffer);

    public static readonly ResourceKind<Pupil> Pupil = new(
        "scheduler.sto/Pupil", "pupil", ResourceNames.Pupil, ResourceNames.School,
        AccessChecks.RequireSchoolMember, AccessChecks.RequireSchoolMember, ResourceValidation.Pupil,
        DeadlineApplies: true, CheckReferences: ReferenceValidation.Pupil);

    public static readonly ResourceKind<StaffMember> StaffMember = new(
        "scheduler.sto/StaffMember", "staff_member", ResourceNames.StaffMember, ResourceNames.School,
        AccessChecks.RequireSchoolMember, AccessChecks.RequireSchoolMember, ResourceValidation.StaffMember,
        DeadlineApplies: true, CheckReferences: ReferenceValidation.StaffMember);

    /// <summary>
    /// Listing subregions of a region is for planners and coordinators in one of them (and shows only their own,
    /// see <see cref="ResourceKind{T}.Visible"/>); reading one for its members.
    /// </summary>
    private static Caller ReadSubregion(global::Grpc.Core.ServerCallContext context, string name) =>
        ResourceNames.Region.Matches(name)
            ? AccessChecks.RequireMemberInRegion(context, name)
            : AccessChecks.RequireSubregionReader(context, name);
}
