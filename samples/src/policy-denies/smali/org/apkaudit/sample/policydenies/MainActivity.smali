.class public Lorg/apkaudit/sample/policydenies/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# "Safe Loan": counts the phone numbers in the address book when it starts, although its
# privacy policy (res/raw/privacy.html) says "我们不会读取您的通讯录" / "We will not access your contacts".


# static fields
.field private static final TAG:Ljava/lang/String; = "SafeLoan"


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private static count(Landroid/content/ContentResolver;Landroid/net/Uri;)I
    .registers 8

    const/4 v2, 0x0

    const/4 v3, 0x0

    const/4 v4, 0x0

    const/4 v5, 0x0

    move-object v0, p0

    move-object v1, p1

    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;

    move-result-object v0

    if-nez v0, :cond_count

    const/4 v1, 0x0

    return v1

    :cond_count
    invoke-interface {v0}, Landroid/database/Cursor;->getCount()I

    move-result v1

    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    return v1
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    invoke-virtual {p0}, Lorg/apkaudit/sample/policydenies/MainActivity;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    # the address book: ContactsContract.CommonDataKinds.Phone.CONTENT_URI
    sget-object v1, Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;

    invoke-static {v0, v1}, Lorg/apkaudit/sample/policydenies/MainActivity;->count(Landroid/content/ContentResolver;Landroid/net/Uri;)I

    move-result v1

    invoke-static {v1}, Ljava/lang/String;->valueOf(I)Ljava/lang/String;

    move-result-object v1

    const-string v2, "SafeLoan"

    invoke-static {v2, v1}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

