// The CLI tests drive marsad as a Linux user would: file modes, setpriv, SIGKILL.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
