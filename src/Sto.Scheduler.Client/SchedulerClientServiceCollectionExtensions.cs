using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sto.Scheduler.Api.V1;

namespace Sto.Scheduler.Client;

/// <summary>Registers <see cref="SchedulerClient"/> and the generated service clients with Grpc.Net.ClientFactory.</summary>
public static class SchedulerClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SchedulerClient"/> (transient) and each generated <c>*ServiceClient</c>, all configured from
    /// <see cref="SchedulerClientOptions"/>: address, bearer token and deadlines.
    /// </summary>
    public static IServiceCollection AddSchedulerClient(this IServiceCollection services, Action<SchedulerClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SchedulerClientOptions>().Configure(configure);
        services.AddGrpcClient<SubregionService.SubregionServiceClient>(Configure).AddInterceptor(CreateInterceptor);
        services.AddGrpcClient<SchoolService.SchoolServiceClient>(Configure).AddInterceptor(CreateInterceptor);
        services.AddGrpcClient<VenueService.VenueServiceClient>(Configure).AddInterceptor(CreateInterceptor);
        services.AddGrpcClient<ElectiveOfferService.ElectiveOfferServiceClient>(Configure).AddInterceptor(CreateInterceptor);
        services.AddGrpcClient<PupilService.PupilServiceClient>(Configure).AddInterceptor(CreateInterceptor);
        services.AddGrpcClient<StaffService.StaffServiceClient>(Configure).AddInterceptor(CreateInterceptor);
        services.AddGrpcClient<AllocationService.AllocationServiceClient>(Configure).AddInterceptor(CreateInterceptor);
        services.AddGrpcClient<PupilScheduleService.PupilScheduleServiceClient>(Configure).AddInterceptor(CreateInterceptor);
        services.AddTransient(sp => new SchedulerClient(
            sp.GetRequiredService<IOptions<SchedulerClientOptions>>().Value,
            sp.GetRequiredService<SubregionService.SubregionServiceClient>(),
            sp.GetRequiredService<SchoolService.SchoolServiceClient>(),
            sp.GetRequiredService<VenueService.VenueServiceClient>(),
            sp.GetRequiredService<ElectiveOfferService.ElectiveOfferServiceClient>(),
            sp.GetRequiredService<PupilService.PupilServiceClient>(),
            sp.GetRequiredService<StaffService.StaffServiceClient>(),
            sp.GetRequiredService<AllocationService.AllocationServiceClient>(),
            sp.GetRequiredService<PupilScheduleService.PupilScheduleServiceClient>()));
        return services;
    }

    private static void Configure(IServiceProvider services, GrpcClientFactoryOptions factory) =>
        factory.Address = services.GetRequiredService<IOptions<SchedulerClientOptions>>().Value.Address;

    private static SchedulerCallInterceptor CreateInterceptor(IServiceProvider services) =>
        new(services.GetRequiredService<IOptions<SchedulerClientOptions>>().Value,
            services.GetService<TimeProvider>() ?? TimeProvider.System);
}
