using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sto.Scheduler.Grpc.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Diff",
                table: "allocation_runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EngineAllocation",
                table: "allocation_runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProblemSnapshot",
                table: "allocation_runs",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Diff",
                table: "allocation_runs");

            migrationBuilder.DropColumn(
                name: "EngineAllocation",
                table: "allocation_runs");

            migrationBuilder.DropColumn(
                name: "ProblemSnapshot",
                table: "allocation_runs");
        }
    }
}
