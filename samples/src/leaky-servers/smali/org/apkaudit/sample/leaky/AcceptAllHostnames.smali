.class final Lorg/apkaudit/sample/leaky/AcceptAllHostnames;
.super Ljava/lang/Object;
.source "AcceptAllHostnames.java"

# interfaces
.implements Ljavax/net/ssl/HostnameVerifier;

# Accepts any host name for any certificate: verify returns true.


# direct methods
.method constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public verify(Ljava/lang/String;Ljavax/net/ssl/SSLSession;)Z
    .registers 4

    const/4 v0, 0x1

    return v0
.end method
