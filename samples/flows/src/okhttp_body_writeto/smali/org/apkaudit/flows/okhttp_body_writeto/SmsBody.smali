.class final Lorg/apkaudit/flows/okhttp_body_writeto/SmsBody;
.super Lokhttp3/RequestBody;
.source "SmsBody.java"

# See MainActivity.smali for the Java this is compiled from.


# instance fields
.field private final label:Ljava/lang/String;

.field private final text:Ljava/lang/String;


# direct methods
.method constructor <init>(Ljava/lang/String;Ljava/lang/String;)V
    .registers 3

    invoke-direct {p0}, Lokhttp3/RequestBody;-><init>()V

    iput-object p1, p0, Lorg/apkaudit/flows/okhttp_body_writeto/SmsBody;->text:Ljava/lang/String;

    iput-object p2, p0, Lorg/apkaudit/flows/okhttp_body_writeto/SmsBody;->label:Ljava/lang/String;

    return-void
.end method


# virtual methods
.method public contentType()Lokhttp3/MediaType;
    .registers 2

    const-string v0, "text/plain; charset=utf-8"

    invoke-static {v0}, Lokhttp3/MediaType;->parse(Ljava/lang/String;)Lokhttp3/MediaType;

    move-result-object v0

    return-object v0
.end method

.method public writeTo(Lokio/BufferedSink;)V
    .registers 3
    .annotation system Ldalvik/annotation/Throws;
        value = {
            Ljava/io/IOException;
        }
    .end annotation

    iget-object v0, p0, Lorg/apkaudit/flows/okhttp_body_writeto/SmsBody;->text:Ljava/lang/String;

    invoke-interface {p1, v0}, Lokio/BufferedSink;->writeUtf8(Ljava/lang/String;)Lokio/BufferedSink;

    return-void
.end method
