namespace Sto.Scheduler.Engine.Feasibility;

/// <summary>Stable kebab-case codes for why a pupil cannot take an offer; explanations and reports use them.</summary>
public static class ReasonCodes
{
    public const string UnknownOffer = "unknown-offer";
    public const string OfferCancelled = "offer-cancelled";
    public const string AlreadyCompleted = "already-completed";
    public const string PathNotEligible = "path-not-eligible";
    public const string YearNotEligible = "year-not-eligible";
    public const string ProfileNotEligible = "profile-not-eligible";
    public const string PrerequisiteMissing = "prerequisite-missing";
    public const string NotOpenToOtherSchools = "not-open-to-other-schools";
    public const string ExternalNotAllowed = "external-not-allowed";
    public const string ArrivesTooLate = "arrives-too-late";
    public const string ReturnsTooLate = "returns-too-late";
    public const string VenueUnknown = "venue-unknown";
}
