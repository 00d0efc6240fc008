.class public final Lorg/apkaudit/flows/protobuf_upload/proto/Device$Builder;
.super Lcom/google/protobuf/GeneratedMessageLite$Builder;
.source "Device.java"

# annotations
.annotation system Ldalvik/annotation/EnclosingClass;
    value = Lorg/apkaudit/flows/protobuf_upload/proto/Device;
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x19
    name = "Builder"
.end annotation

# The builder protoc 3.x generates for the lite runtime: copyOnWrite(), then the setter on the message the library
# builder keeps (GeneratedMessageLite.Builder.instance).


# direct methods
.method constructor <init>()V
    .registers 2

    new-instance v0, Lorg/apkaudit/flows/protobuf_upload/proto/Device;

    invoke-direct {v0}, Lorg/apkaudit/flows/protobuf_upload/proto/Device;-><init>()V

    invoke-direct {p0, v0}, Lcom/google/protobuf/GeneratedMessageLite$Builder;-><init>(Lcom/google/protobuf/GeneratedMessageLite;)V

    return-void
.end method


# virtual methods
.method public setImei(Ljava/lang/String;)Lorg/apkaudit/flows/protobuf_upload/proto/Device$Builder;
    .registers 3

    invoke-virtual {p0}, Lorg/apkaudit/flows/protobuf_upload/proto/Device$Builder;->copyOnWrite()V

    iget-object v0, p0, Lorg/apkaudit/flows/protobuf_upload/proto/Device$Builder;->instance:Lcom/google/protobuf/GeneratedMessageLite;

    check-cast v0, Lorg/apkaudit/flows/protobuf_upload/proto/Device;

    invoke-virtual {v0, p1}, Lorg/apkaudit/flows/protobuf_upload/proto/Device;->setImei(Ljava/lang/String;)V

    return-object p0
.end method
