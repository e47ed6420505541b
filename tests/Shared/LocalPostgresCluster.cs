using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Marsad.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of a test's own, for what one database on the shared test server cannot show: a streaming
/// replica (<c>pg_basebackup</c>) or a logical-replication mirror. <c>initdb</c> in a temp folder, a free port on
/// 127.0.0.1, run as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses root), stopped and removed
/// on dispose however the test ends. Skipped, with the reason, where <c>./test.sh</c> started no PostgreSQL.
/// </summary>
public sealed class LocalPostgresCluster : IDisposable
{
    /// <summary>The server binaries test.sh found (newest <c>/usr/lib/postgresql/*/bin</c> otherwise).</summary>
    public const string BinVariable = "MARSAD_TEST_PG_BIN";

    private readonly string _folder;
    private readonly string _bin;
    private bool _stopped;

    private LocalPostgresCluster(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_folder, "data");

    /// <summary>A connection string to <paramref name="database"/> on this cluster, unpooled (each test's connections end with it).</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = false, Timeout = 30 }.ConnectionString;

    /// <summary>Runs SQL straight against <paramref name="database"/> on this cluster (DDL, a check past Marsad).</summary>
    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var db = new NpgsqlConnection(ConnectionString(database));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One value read straight from <paramref name="database"/>, as text.</summary>
    public async Task<string?> ScalarAsync(string sql, string database = "postgres")
    {
        await using var db = new NpgsqlConnection(ConnectionString(database));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    /// <summary>A new cluster with the given <c>postgresql.conf</c> settings (e.g. <c>wal_level=logical</c>), started.</summary>
    public static LocalPostgresCluster Start(params string[] settings)
    {
        var bin = Binaries();
        var cluster = new LocalPostgresCluster(NewFolder(), bin, FreePort());
        try
        {
            cluster.Run("initdb", "-D", cluster.DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8");
            cluster.StartServer(settings);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>A hot standby of <paramref name="primary"/>: a base backup that streams the primary's WAL from then on, started.</summary>
    public static LocalPostgresCluster StartReplicaOf(LocalPostgresCluster primary)
    {
        ArgumentNullException.ThrowIfNull(primary);
        var replica = new LocalPostgresCluster(NewFolder(), primary._bin, FreePort());
        try
        {
            replica.Run("pg_basebackup", "-D", replica.DataDirectory, "-h", "127.0.0.1", "-p", primary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-U", "postgres", "-R", "-X", "stream", "-c", "fast");
            replica.StartServer(["hot_standby=on"]);
            return replica;
        }
        catch
        {
            replica.Dispose();
            throw;
        }
    }

    private void StartServer(IEnumerable<string> settings)
    {
        var options = $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=50"
            + string.Concat(settings.Select(s => " -c " + s));
        Run("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", options, "start");
    }

    public void Dispose()
    {
        if (!_stopped)
        {
            _stopped = true;
            if (Directory.Exists(DataDirectory))
            {
                try
                {
                    Run("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
                }
                catch (InvalidOperationException)
                {
                    // Never started, or already gone: the folder goes all the same.
                }
            }

            NpgsqlConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>The server's binaries, or a skip saying why there are none to use.</summary>
    private static string Binaries()
    {
        if (TestDatabases.Server is null)
        {
            throw Xunit.Sdk.SkipException.ForSkip($"{TestDatabases.Variable} is not set: this test starts PostgreSQL clusters of its own (./test.sh finds the binaries and runs it)");
        }

        var bin = Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } given
            ? given
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
                : null;
        if (bin is null || !File.Exists(Path.Combine(bin, "pg_basebackup")))
        {
            throw Xunit.Sdk.SkipException.ForSkip("no PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) found: install Debian's postgresql");
        }

        if (IsRoot && !File.Exists("/usr/bin/runuser") && !File.Exists("/usr/bin/setpriv"))
        {
            throw Xunit.Sdk.SkipException.ForSkip("running as root without runuser or setpriv: cannot start PostgreSQL as the postgres user");
        }

        return bin;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string NewFolder()
    {
        var folder = Directory.CreateTempSubdirectory("marsad-pgcluster-").FullName;
        if (IsRoot)
        {
            // The server runs as postgres and keeps its socket and log here.
            using var chown = Process.Start(new ProcessStartInfo("chown", ["postgres", folder]) { UseShellExecute = false })!;
            chown.WaitForExit();
        }

        return folder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs one of the server's programs (as postgres under root, from '/'); throws with its output when it fails.</summary>
    private void Run(string program, params string[] arguments)
    {
        var path = Path.Combine(_bin, program);
        ProcessStartInfo start;
        if (IsRoot)
        {
            start = File.Exists("/usr/bin/runuser") ? new ProcessStartInfo("/usr/bin/runuser", ["-u", "postgres", "--", path, .. arguments])
                : new ProcessStartInfo("/usr/bin/setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", path, .. arguments]);
        }
        else
        {
            start = new ProcessStartInfo(path, arguments);
        }

        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = "/";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish within 2 minutes");
        }

        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException($"{program} exited {process.ExitCode}: {output.Result} {error.Result} {(File.Exists(log) ? File.ReadAllText(log) : "")}".Trim());
        }
    }
}
