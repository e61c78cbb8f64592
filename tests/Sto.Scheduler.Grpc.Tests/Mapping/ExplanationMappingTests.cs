using Sto.Scheduler.Engine.Domain;
using Sto.Scheduler.Engine.Explanation;
using Sto.Scheduler.Engine.Explanation.Diagnosis;
using Sto.Scheduler.Grpc.Mapping;
using V1 = Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Tests.Mapping;

/// <summary>A CP-SAT diagnosis case on the wire: kind, status, pupils, reasons with facts and the rendered text.</summary>
public sealed class ExplanationMappingTests
{
    [Fact]
    public void A_diagnosis_case_maps_kind_status_pupils_reasons_and_text()
    {
        var reason = new ExplanationReason(ExplanationCodes.NoStaffInWeek, "install", [new ExplanationFact("week", "2026-W07"), new ExplanationFact("staff-needed", "2")]);
        var diagnosisCase = new DiagnosisCase(DiagnosisSubjectKind.PupilLeftOut, "p1", [new PupilId("p1"), new PupilId("p2")], [reason], DiagnosisStatus.MinimalReasons, "");

        var wire = ExplanationMapping.ToProto(diagnosisCase);

        Assert.Equal(V1.DiagnosisCase.Types.SubjectKind.PupilLeftOut, wire.SubjectKind);
        Assert.Equal(V1.DiagnosisCase.Types.Status.MinimalReasons, wire.Status);
        Assert.Equal(["p1", "p2"], wire.Pupils);
        var mapped = Assert.Single(wire.Reasons);
        Assert.Equal(("no-staff-in-week", "install"), (mapped.Code, mapped.Subject));
        Assert.Contains(mapped.Facts, f => f.Key == "week" && f.Value == "2026-W07");
        Assert.Equal(ExplanationText.Render(diagnosisCase), wire.Text);
    }

    [Fact]
    public void Every_diagnosis_status_and_kind_has_a_wire_value_and_null_is_refused()
    {
        foreach (var status in Enum.GetValues<DiagnosisStatus>())
        {
            foreach (var kind in Enum.GetValues<DiagnosisSubjectKind>())
            {
                var wire = ExplanationMapping.ToProto(new DiagnosisCase(kind, "x", [], [], status, "x"));
                Assert.NotEqual(V1.DiagnosisCase.Types.Status.Unspecified, wire.Status);
                Assert.NotEqual(V1.DiagnosisCase.Types.SubjectKind.Unspecified, wire.SubjectKind);
            }
        }

        Assert.Equal(V1.DiagnosisCase.Types.Status.Unspecified, ExplanationMapping.ToProto(new DiagnosisCase(DiagnosisSubjectKind.OfferClosed, "x", [], [], (DiagnosisStatus)99, "x")).Status);
        Assert.Throws<ArgumentNullException>(() => ExplanationMapping.ToProto((DiagnosisCase)null!));
    }
}
