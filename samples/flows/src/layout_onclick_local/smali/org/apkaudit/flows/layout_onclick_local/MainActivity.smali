.class public Lorg/apkaudit/flows/layout_onclick_local/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "layout_onclick_local" (no leak): the negative twin of layout_onclick.
#
#   res/layout/activity_main.xml: <Button android:onClick="showContacts"/>.
#   public void showContacts(View v): the same contacts read, shown in a TextView; nothing is sent.

# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    invoke-virtual {p0}, Lorg/apkaudit/flows/layout_onclick_local/MainActivity;->getResources()Landroid/content/res/Resources;

    move-result-object v0

    const-string v1, "activity_main"

    const-string v2, "layout"

    invoke-virtual {p0}, Lorg/apkaudit/flows/layout_onclick_local/MainActivity;->getPackageName()Ljava/lang/String;

    move-result-object v3

    invoke-virtual {v0, v1, v2, v3}, Landroid/content/res/Resources;->getIdentifier(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)I

    move-result v0

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/layout_onclick_local/MainActivity;->setContentView(I)V

    return-void
.end method

# the Button's android:onClick="showContacts" in res/layout/activity_main.xml: nothing in the code calls it
.method public showContacts(Landroid/view/View;)V
    .registers 10

    :try_start_0
    invoke-virtual {p0}, Lorg/apkaudit/flows/layout_onclick_local/MainActivity;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    # source: every phone number in the address book
    sget-object v1, Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;

    const/4 v2, 0x0

    const/4 v3, 0x0

    const/4 v4, 0x0

    const/4 v5, 0x0

    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;

    move-result-object v0

    if-eqz v0, :cond_done

    new-instance v1, Ljava/lang/StringBuilder;

    invoke-direct {v1}, Ljava/lang/StringBuilder;-><init>()V

    :goto_loop
    invoke-interface {v0}, Landroid/database/Cursor;->moveToNext()Z

    move-result v2

    if-eqz v2, :cond_end_loop

    const-string v2, "data1"

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getColumnIndex(Ljava/lang/String;)I

    move-result v2

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v2

    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    move-result-object v2

    const/16 v3, 0x3b

    invoke-virtual {v2, v3}, Ljava/lang/StringBuilder;->append(C)Ljava/lang/StringBuilder;

    goto :goto_loop

    :cond_end_loop
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    invoke-virtual {v1}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;

    move-result-object v0

    invoke-virtual {p0}, Lorg/apkaudit/flows/layout_onclick_local/MainActivity;->getResources()Landroid/content/res/Resources;

    move-result-object v1

    const-string v2, "list"

    const-string v3, "id"

    invoke-virtual {p0}, Lorg/apkaudit/flows/layout_onclick_local/MainActivity;->getPackageName()Ljava/lang/String;

    move-result-object v4

    invoke-virtual {v1, v2, v3, v4}, Landroid/content/res/Resources;->getIdentifier(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)I

    move-result v1

    invoke-virtual {p0, v1}, Lorg/apkaudit/flows/layout_onclick_local/MainActivity;->findViewById(I)Landroid/view/View;

    move-result-object v1

    check-cast v1, Landroid/widget/TextView;

    # not a sink: the numbers are shown on the screen only
    invoke-virtual {v1, v0}, Landroid/widget/TextView;->setText(Ljava/lang/CharSequence;)V

    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :cond_done
    return-void

    :catch_0
    move-exception v0

    return-void
.end method
