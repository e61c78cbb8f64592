using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sto.Scheduler.Grpc.Persistence.Migrations.Sqlite
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
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Parent = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Etag = table.Column<string>(type: "TEXT", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", nullable: true),
                    LeaseUntilMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreateTimeMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdateTimeMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Result = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_allocation_runs", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "pupil_schedules",
                columns: table => new
                {
                    Run = table.Column<string>(type: "TEXT", nullable: false),
                    Pupil = table.Column<string>(type: "TEXT", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pupil_schedules", x => new { x.Run, x.Pupil });
                });

            migrationBuilder.CreateTable(
                name: "request_log",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    ResourceName = table.Column<string>(type: "TEXT", nullable: false),
                    CreateTimeMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_log", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "resources",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Parent = table.Column<string>(type: "TEXT", nullable: false),
                    Subregion = table.Column<string>(type: "TEXT", nullable: false),
                    Etag = table.Column<string>(type: "TEXT", nullable: false),
                    CreateTimeMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdateTimeMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false)
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
