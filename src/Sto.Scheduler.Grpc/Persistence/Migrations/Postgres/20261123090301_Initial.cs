using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sto.Scheduler.Grpc.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "allocation_runs",
                columns: table => new
                {
                    Name = table.Column<string>(type: "text", nullable: false),
                    Parent = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Etag = table.Column<string>(type: "text", nullable: false),
                    LeaseOwner = table.Column<string>(type: "text", nullable: true),
                    LeaseUntilMs = table.Column<long>(type: "bigint", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    CreateTimeMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdateTimeMs = table.Column<long>(type: "bigint", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Result = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_allocation_runs", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "pupil_schedules",
                columns: table => new
                {
                    Run = table.Column<string>(type: "text", nullable: false),
                    Pupil = table.Column<string>(type: "text", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pupil_schedules", x => new { x.Run, x.Pupil });
                });

            migrationBuilder.CreateTable(
                name: "request_log",
                columns: table => new
                {
                    Key = table.Column<string>(type: "text", nullable: false),
                    ResourceName = table.Column<string>(type: "text", nullable: false),
                    CreateTimeMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_log", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "resources",
                columns: table => new
                {
                    Name = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Parent = table.Column<string>(type: "text", nullable: false),
                    Subregion = table.Column<string>(type: "text", nullable: false),
                    Etag = table.Column<string>(type: "text", nullable: false),
                    CreateTimeMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdateTimeMs = table.Column<long>(type: "bigint", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resources", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_allocation_runs_Parent_CreateTimeMs",
                table: "allocation_runs",
                columns: new[] { "Parent", "CreateTimeMs" });

            migrationBuilder.CreateIndex(
                name: "IX_allocation_runs_State_CreateTimeMs",
                table: "allocation_runs",
                columns: new[] { "State", "CreateTimeMs" });

            migrationBuilder.CreateIndex(
                name: "IX_resources_Kind_Parent_Name",
                table: "resources",
                columns: new[] { "Kind", "Parent", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_resources_Subregion_Kind",
                table: "resources",
                columns: new[] { "Subregion", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "allocation_runs");

            migrationBuilder.DropTable(
                name: "pupil_schedules");

            migrationBuilder.DropTable(
                name: "request_log");

            migrationBuilder.DropTable(
                name: "resources");
        }
    }
}
