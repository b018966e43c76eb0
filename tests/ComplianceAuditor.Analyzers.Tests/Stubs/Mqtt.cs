// API shapes of the two MQTT clients device code uses: nanoFramework.M2Mqtt and MQTTnet.
namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttSslProtocols { None, SSLv3, TLSv1_0, TLSv1_1, TLSv1_2, TLSv1_3 }

    public class MqttMsgPublishEventArgs : System.EventArgs
    {
        public string Topic => "";

        public byte[] Message => new byte[0];
    }
}

namespace nanoFramework.M2Mqtt
{
    using System.Security.Cryptography.X509Certificates;
    using nanoFramework.M2Mqtt.Messages;

    public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

    public class MqttClient
    {
        public MqttClient(string brokerHostName) { }

        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate? caCert, X509Certificate? clientCert, MqttSslProtocols sslProtocol) { }

        public event MqttMsgPublishEventHandler? MqttMsgPublishReceived;

        public byte Connect(string clientId) => 0;

        public byte Connect(string clientId, string username, string password) => 0;

        public ushort Subscribe(string[] topics, byte[] qosLevels) => 0;
    }
}

namespace MQTTnet
{
    using System;

    public class MqttApplicationMessage
    {
        public string Topic { get; set; } = "";

        public byte[] Payload { get; set; } = new byte[0];

        public ArraySegment<byte> PayloadSegment { get; set; }
    }
}

namespace MQTTnet.Client
{
    using System;
    using System.Threading;
    using System.Threading.Tasks;

    public class MqttApplicationMessageReceivedEventArgs : EventArgs
    {
        public MQTTnet.MqttApplicationMessage ApplicationMessage { get; } = new MQTTnet.MqttApplicationMessage();
    }

    public class MqttClientOptions { }

    public class MqttClientTlsOptionsBuilder
    {
        public MqttClientTlsOptionsBuilder WithCertificateValidationHandler(Func<object, bool> handler) => this;

        public MqttClientTlsOptionsBuilder WithAllowUntrustedCertificates(bool value = true) => this;

        public MqttClientTlsOptionsBuilder WithSslProtocols(System.Security.Authentication.SslProtocols protocols) => this;
    }

    public class MqttClientOptionsBuilder
    {
        public MqttClientOptionsBuilder WithTcpServer(string server, int? port = null) => this;

        public MqttClientOptionsBuilder WithCredentials(string username, string password) => this;

        public MqttClientOptionsBuilder WithClientId(string value) => this;

        public MqttClientOptionsBuilder WithTlsOptions(Action<MqttClientTlsOptionsBuilder> configure) => this;

        public MqttClientOptions Build() => new MqttClientOptions();
    }

    public interface IMqttClient
    {
        event Func<MqttApplicationMessageReceivedEventArgs, Task> ApplicationMessageReceivedAsync;

        Task ConnectAsync(MqttClientOptions options, CancellationToken cancellationToken = default);
    }
}
