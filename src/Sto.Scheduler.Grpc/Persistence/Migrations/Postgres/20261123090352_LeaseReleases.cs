using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sto.Scheduler.Grpc.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeaseReleases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Releases",
                table: "allocation_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Releases",
                table: "allocation_runs");
        }
    }
}
