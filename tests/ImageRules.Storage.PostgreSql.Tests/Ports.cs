using System.Net;
using System.Net.Sockets;

namespace ImageRules.Storage.Tests.Support;

/// <summary>Loopback ports for servers the tests start, or for servers that must not be there.</summary>
public static class Ports
{
    /// <summary>A port on 127.0.0.1 that nothing listens on: taken from the system, then let go.</summary>
    public static int Unused()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
