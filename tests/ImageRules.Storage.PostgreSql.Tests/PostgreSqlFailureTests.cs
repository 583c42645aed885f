using System.Net.Sockets;
using ImageRules.Application;
using ImageRules.PostgreSql;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Application;
using ImageRules.Tests.Support;
using Npgsql;

namespace ImageRules.Storage.Tests.PostgreSql;

/// <summary>
/// PostgreSQL's errors classified (<see cref="PostgreSqlDatabase"/>): a connection that fails or is refused, a server
/// shutting down or starting, too many connections are transient, thrown as <see cref="ImageStoreUnavailableException"/>
/// and retried by the service; a unique key another writer took, a serialization failure and a deadlock are lost
/// races; any other constraint (class 23) is the data's fault.
/// </summary>
public class PostgreSqlFailureTests
{
    public static TheoryData<string, bool, bool> States => new()
    {
        { "08006", false, true }, // connection_failure
        { "08001", false, true }, // sqlclient_unable_to_establish_sqlconnection
        { "57P01", false, true }, // admin_shutdown
        { "57P02", false, true }, // crash_shutdown
        { "57P03", false, true }, // cannot_connect_now
        { "53300", false, true }, // too_many_connections
        { "55P03", false, true }, // lock_not_available
        { "23505", true, false }, // unique_violation
        { "40001", true, false }, // serialization_failure
        { "40P01", true, false }, // deadlock_detected
        { "23502", false, false }, // not_null_violation
        { "23503", false, false }, // foreign_key_violation
        { "23514", false, false }, // check_violation
        { "22P02", false, false }, // invalid_text_representation
        { "42703", false, false }, // undefined_column
        { "53100", false, false }, // disk_full: an operator's to fix
    };

    [Theory]
    [MemberData(nameof(States))]
    public async Task Server_errors_are_lost_races_transient_or_neither_by_their_SQLSTATE(string state, bool conflict, bool transient)
    {
        await using var database = new PostgreSqlDatabase("Host=unused");

        Assert.Equal((conflict, transient), Classification.Of(database, new PostgresException("failed", "ERROR", "ERROR", state)));
    }

    [Fact]
    public async Task Npgsql_errors_of_the_connection_are_transient()
    {
        await using var database = new PostgreSqlDatabase("Host=unused");

        Assert.Equal((false, true), Classification.Of(database, new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.Equal((false, true), Classification.Of(database, new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.Equal((false, true), Classification.Of(database, new NpgsqlException("The operation has timed out", new TimeoutException())));
    }

    [Fact]
    public async Task R11_a_server_that_refuses_connections_is_ImageStoreUnavailableException_with_the_driver_error_inside()
    {
        await using var store = new RelationalImageStore(new PostgreSqlDatabase($"Host=127.0.0.1;Port={Ports.Unused()};Username=postgres;Database=postgres;Timeout=5"));

        var thrown = await Assert.ThrowsAsync<ImageStoreUnavailableException>(async () => await store.FindImageAsync(Sample.CustomImage(Sample.Alice, Sample.Guangzhou).Id));

        Assert.False(thrown.OutcomeUnknown);
        Assert.IsAssignableFrom<NpgsqlException>(thrown.InnerException);
    }

    [Fact]
    public async Task R11_connections_terminated_by_an_administrator_are_retried_by_the_service_and_the_write_lands_once()
    {
        var database = await TestDatabase.CreateAsync();
        var victim = $"imagerules-victim-{Guid.NewGuid():N}";
        await using var instance = ServiceInstance.Using(new PostgreSqlDatabase(new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = victim }.ToString()));
        await instance.SeedAsync();

        var logger = new RecordingLogger<ImageService>();
        var service = new ImageService(instance.Policy, instance.Images, new RandomImageIdGenerator(), TimeProvider.System, logger: logger);

        // Every pooled connection of this instance is now dead: its next command meets 57P01 or a closed socket.
        Assert.True(await database.ScalarAsync($"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{victim}'") > 0);
        var created = await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou));

        Assert.True(created.IsSuccess);
        var retried = Assert.Single(logger.Entries, e => e.EventId.Name == "TransientStoreErrorRetried");
        Assert.IsAssignableFrom<NpgsqlException>(Assert.IsType<ImageStoreUnavailableException>(retried.Exception).InnerException);
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM images"));
    }
}
