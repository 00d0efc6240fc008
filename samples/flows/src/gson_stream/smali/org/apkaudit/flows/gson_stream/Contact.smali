.class public Lorg/apkaudit/flows/gson_stream/Contact;
.super Ljava/lang/Object;
.source "Contact.java"

# A bean serialised by Gson (fields read by reflection). See MainActivity.smali.


# instance fields
.field public label:Ljava/lang/String;

.field public number:Ljava/lang/String;


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method
