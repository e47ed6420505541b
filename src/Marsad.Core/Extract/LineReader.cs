using System.Buffers;

namespace Marsad.Core.Extract;

/// <summary>
/// Splits a stream into lines of bytes (LF or CRLF), holding at most one line in memory, so that a huge
/// or endless line costs the limit and no more. Bytes are not decoded here: invalid UTF-8 is the
/// record's problem, not the stream's.
/// </summary>
public sealed class LineReader(Stream stream, int maxLineBytes)
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private int _start;
    private int _end;
    private bool _eof;
    private long _number;

    public async ValueTask<RawLine?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.ResetWrittenCount();
        long count = 0;
        var tooLong = false;
        while (true)
        {
            if (_start == _end)
            {
                if (_eof)
                {
                    break;
                }

                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellationToken);
                if (_end == 0)
                {
                    _eof = true;
                    break;
                }
            }

            var chunk = _buffer.AsSpan(_start, _end - _start);
            var newline = chunk.IndexOf((byte)'\n');
            var part = newline >= 0 ? chunk[..newline] : chunk;
            count += part.Length;
            tooLong |= count > maxLineBytes;
            if (!tooLong)
            {
                _line.Write(part);
            }

            _start += newline >= 0 ? newline + 1 : part.Length;
            if (newline >= 0)
            {
                return Finish(count, tooLong);
            }
        }

        // The last line needs no line break; an input that ends with one has no empty line after it.
        return count > 0 || tooLong ? Finish(count, tooLong) : null;
    }

    private RawLine Finish(long count, bool tooLong)
    {
        _number++;
        var bytes = tooLong ? [] : _line.WrittenSpan;
        if (_number == 1 && bytes.StartsWith(Utf8Bom))
        {
            bytes = bytes[Utf8Bom.Length..];
        }

        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        return new RawLine(_number, bytes.ToArray(), tooLong, count);
    }
}
