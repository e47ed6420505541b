namespace Marsad.Tests.Support;

/// <summary>
/// A fresh folder under the system temp directory (its own, mode 0700, so that users sharing /tmp never collide),
/// removed (with any locked sub-folders) when the test ends.
/// </summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("marsad-tests-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                foreach (var dir in Directory.EnumerateDirectories(Path, "*", SearchOption.AllDirectories))
                {
                    System.IO.File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing cleanup must not fail the test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
