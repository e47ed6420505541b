namespace Marsad.Core.Access;

/// <summary>
/// Who is asking, from least to most trusted. The public sees published events only and never a
/// confidential source's identity; viewers and coders see the whole record but confidential sources
/// only as "confidential source"; editors and admins see everything.
/// </summary>
public enum Role
{
    Public,
    Viewer,
    Coder,
    Editor,
    Admin,
}
