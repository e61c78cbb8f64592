using Sto.Scheduler.Grpc.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSchedulerServer();

var app = builder.Build();
app.MapSchedulerServer();
app.Run();
