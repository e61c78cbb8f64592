using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Google.Rpc;
using Grpc.Reflection;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Grpc.Hosting;

/// <summary>
/// What server reflection serves: the mapped services, plus google/rpc/status.proto and error_details.proto. No
/// service names those files, but every error and <c>AllocationRun.error</c> carries their messages
/// (ErrorInfo, BadRequest, …) inside <c>google.protobuf.Any</c>, and a reflection client (buf curl, grpcurl) must
/// resolve them to print the details.
/// </summary>
public static class ReflectionDescriptors
{
    /// <summary>The services listed by reflection, as mapped in <see cref="SchedulerServerExtensions"/>.</summary>
    public static IReadOnlyList<ServiceDescriptor> Services { get; } =
    [
        SubregionService.Descriptor,
        SchoolService.Descriptor,
        VenueService.Descriptor,
        ElectiveOfferService.Descriptor,
        PupilService.Descriptor,
        StaffService.Descriptor,
        AllocationService.Descriptor,
        PupilScheduleService.Descriptor,
        global::Grpc.Health.V1.Health.Descriptor,
        global::Grpc.Reflection.V1Alpha.ServerReflection.Descriptor,
        global::Grpc.Reflection.V1.ServerReflection.Descriptor,
    ];

    /// <summary>Every file reflection can return: the services' files (with their imports) and the error detail files.</summary>
    public static SymbolRegistry Registry() =>
        SymbolRegistry.FromFiles(Services.Select(s => s.File).Concat([StatusReflection.Descriptor, ErrorDetailsReflection.Descriptor]));

    /// <summary>Registers both reflection versions before <c>AddGrpcReflection</c>, which then keeps these.</summary>
    public static IServiceCollection AddSchedulerReflection(this IServiceCollection services)
    {
        var names = Services.Select(s => s.FullName).ToList();
        services.AddSingleton(_ => new ReflectionServiceImpl(names, Registry()));
        services.AddSingleton(_ => new ReflectionV1ServiceImpl(names, Registry()));
        return services.AddGrpcReflection();
    }
}
