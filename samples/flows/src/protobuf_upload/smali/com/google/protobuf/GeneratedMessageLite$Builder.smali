.class public abstract Lcom/google/protobuf/GeneratedMessageLite$Builder;
.super Ljava/lang/Object;
.source "GeneratedMessageLite.java"

# annotations
.annotation system Ldalvik/annotation/EnclosingClass;
    value = Lcom/google/protobuf/GeneratedMessageLite;
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x409
    name = "Builder"
.end annotation

# Stand-in of protobuf-lite's GeneratedMessageLite.Builder: every builder keeps its message in one field.


# instance fields
.field protected instance:Lcom/google/protobuf/GeneratedMessageLite;


# direct methods
.method protected constructor <init>(Lcom/google/protobuf/GeneratedMessageLite;)V
    .registers 2

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    iput-object p1, p0, Lcom/google/protobuf/GeneratedMessageLite$Builder;->instance:Lcom/google/protobuf/GeneratedMessageLite;

    return-void
.end method


# virtual methods
.method public build()Lcom/google/protobuf/GeneratedMessageLite;
    .registers 2

    iget-object v0, p0, Lcom/google/protobuf/GeneratedMessageLite$Builder;->instance:Lcom/google/protobuf/GeneratedMessageLite;

    return-object v0
.end method

.method protected copyOnWrite()V
    .registers 1

    return-void
.end method
