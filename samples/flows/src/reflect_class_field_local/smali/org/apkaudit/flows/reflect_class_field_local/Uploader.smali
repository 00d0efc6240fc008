.class public Lorg/apkaudit/flows/reflect_class_field_local/Uploader;
.super Ljava/lang/Object;
.source "Uploader.java"

# Run by reflection only (MainActivity names it by a string kept in a field).


# instance fields
.field private last:Ljava/lang/String;


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public remember(Ljava/lang/String;)V
    .registers 2

    iput-object p1, p0, Lorg/apkaudit/flows/reflect_class_field_local/Uploader;->last:Ljava/lang/String;

    return-void
.end method

.method public send(Ljava/lang/String;)V
    .registers 6

    :try_start_0
    new-instance v0, Ljava/net/URL;

    const-string v1, "https://api.flows.example/v1/reflect_class_field"

    invoke-direct {v0, v1}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v0

    check-cast v0, Ljava/net/HttpURLConnection;

    const/4 v1, 0x1

    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v1

    const-string v2, "UTF-8"

    invoke-virtual {p1, v2}, Ljava/lang/String;->getBytes(Ljava/lang/String;)[B

    move-result-object v2

    # sink: the argument is written to the connection
    invoke-virtual {v1, v2}, Ljava/io/OutputStream;->write([B)V

    invoke-virtual {v1}, Ljava/io/OutputStream;->close()V

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getResponseCode()I
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    return-void

    :catch_0
    move-exception v0

    return-void
.end method
